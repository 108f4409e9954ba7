package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
import java.util.Arrays;

/** How {@link MarketEstimator} estimates expected annual returns. */
public enum ExpectedReturnMethod {
    /** Compound annual growth over each asset's own returns, {@link GeometricMeanReturn}; the default. */
    GEOMETRIC_MEAN("geometric"),
    /** Mean return times the periods per year, {@link ArithmeticMeanReturn}. */
    ARITHMETIC_MEAN("arithmetic"),
    /** Exponentially weighted mean return times the periods per year, {@link ExponentiallyWeightedReturn}. */
    EXPONENTIALLY_WEIGHTED("exponential"),
    /** Risk-free rate plus beta times the market's excess return, {@link CapmReturn}. */
    CAPM("capm");

    private final String id;

    ExpectedReturnMethod(String id) {
        this.id = id;
    }

    /** The name callers use, in the CLI and the REST API, e.g. {@code geometric}. */
    public String id() {
        return id;
    }

    /** @throws InvalidInputException naming {@code field} when {@code id} is none of them */
    public static ExpectedReturnMethod fromId(String id, String field) {
        for (ExpectedReturnMethod method : values()) {
            if (method.id.equals(id)) {
                return method;
            }
        }
        throw new InvalidInputException(field, "must be one of " + Arrays.stream(values()).map(ExpectedReturnMethod::id).toList()
                + ", got " + id);
    }
}
