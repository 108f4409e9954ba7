package io.ballast.api.execution;

/** Which way an order trades: buying adds units to the position, selling removes them (or opens a short). */
public enum OrderSide { BUY, SELL }
