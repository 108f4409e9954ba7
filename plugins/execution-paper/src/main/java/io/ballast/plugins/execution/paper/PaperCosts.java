package io.ballast.plugins.execution.paper;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.api.plugin.ParameterValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What trading costs the paper venue charges one order, read from the order's parameters.
 *
 * <p>The fill price is the reference price moved against the trader by {@code slippageBps} basis
 * points (1 bp = 0.01%): a buy pays {@code reference × (1 + slippageBps / 10 000)}, a sell receives
 * {@code reference × (1 − slippageBps / 10 000)}, exactly (no rounding; trailing zeros dropped).
 * The fee is {@code feeBps} basis points of the notional ({@code quantity × fill price}), but never
 * less than {@code minimumFee}, rounded half-up to the minor unit of {@code currency} (cents for
 * USD, whole yen for JPY).
 *
 * @param slippageBps basis points the fill price moves against the trader, 0 to 1000
 * @param feeBps      basis points of the notional charged as fee, 0 to 1000
 * @param minimumFee  the smallest fee of an order, in {@code currency}; zero or positive
 * @param currency    the instrument's price currency, which the fee is charged in
 */
record PaperCosts(BigDecimal slippageBps, BigDecimal feeBps, BigDecimal minimumFee, Currency currency) {

    static final String SLIPPAGE_BPS = "slippageBps";
    static final String FEE_BPS = "feeBps";
    static final String MINIMUM_FEE = "minimumFee";
    static final String CURRENCY = "currency";

    private static final double MAXIMUM_BPS = 1000;

    private static final ParameterSpec SLIPPAGE = new ParameterSpec(SLIPPAGE_BPS, ParameterType.NUMBER,
            "basis points (0.01%) the fill price moves against the trader from the reference price: buys pay more, sells get less",
            Optional.of(5.0), Optional.of(0.0), Optional.of(MAXIMUM_BPS));
    private static final ParameterSpec FEE = new ParameterSpec(FEE_BPS, ParameterType.NUMBER,
            "fee in basis points (0.01%) of the notional, quantity × fill price", Optional.of(10.0), Optional.of(0.0), Optional.of(MAXIMUM_BPS));
    private static final ParameterSpec MINIMUM = new ParameterSpec(MINIMUM_FEE, ParameterType.NUMBER,
            "the smallest fee of an order, in the order's currency", Optional.of(1.0), Optional.of(0.0), Optional.empty());
    private static final ParameterSpec FEE_CURRENCY = new ParameterSpec(CURRENCY, ParameterType.STRING,
            "ISO 4217 code of the instrument's price currency; fees are charged in it and rounded to its minor unit."
                    + " USD when not given: the venue does not know an instrument's currency, so give it for any other",
            Optional.of("USD"), Optional.empty(), Optional.empty());

    /** The parameters an order may carry, in the order the venue lists them. */
    static final List<ParameterSpec> SPECS = List.of(SLIPPAGE, FEE, MINIMUM, FEE_CURRENCY);

    /**
     * The costs an order's parameters ask for, defaults where it gives none.
     *
     * @throws IllegalArgumentException naming the parameter, when one is unknown, of the wrong type or out of range
     */
    static PaperCosts from(Map<String, Object> parameters) {
        ParameterValues values = ParameterValues.read("paper", SPECS, parameters);
        return new PaperCosts(decimal(values.number(SLIPPAGE_BPS)), decimal(values.number(FEE_BPS)), decimal(values.number(MINIMUM_FEE)),
                currency(values.text(CURRENCY)));
    }

    /** The price per unit the order fills at, from the price it was sized at. */
    BigDecimal fillPrice(OrderSide side, BigDecimal referencePrice) {
        BigDecimal slippage = fraction(slippageBps);
        BigDecimal factor = side == OrderSide.BUY ? BigDecimal.ONE.add(slippage) : BigDecimal.ONE.subtract(slippage);
        return plain(referencePrice.multiply(factor));
    }

    /** The fee of a fill of this notional (units × price), in {@link #currency()}, rounded half-up to its minor unit. */
    BigDecimal fee(BigDecimal notional) {
        BigDecimal proportional = notional.multiply(fraction(feeBps));
        return proportional.max(minimumFee).setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }

    /** Basis points as a fraction (5 bp is 0.0005), exactly. */
    private static BigDecimal fraction(BigDecimal basisPoints) {
        return basisPoints.movePointLeft(4);
    }

    /** Without trailing zeros, and never in exponent form ({@code 100}, not {@code 1E+2}). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The decimal the double was written as: 0.1 stays 0.1. */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    private static Currency currency(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + CURRENCY + ": " + code + " is not an ISO 4217 currency code", e);
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("parameter " + CURRENCY + ": " + code + " has no minor unit to round fees to");
        }
        return currency;
    }
}
