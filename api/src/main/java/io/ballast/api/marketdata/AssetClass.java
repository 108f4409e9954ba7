package io.ballast.api.marketdata;

/** The kind of asset; it decides the trading calendar and the annualisation (252 or 365 periods). */
public enum AssetClass { EQUITY, CRYPTO }
