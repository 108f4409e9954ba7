package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
import java.util.Arrays;

/** How {@link MarketEstimator} estimates the annual covariance. */
public enum CovarianceMethod {
    /** Pairwise-complete sample covariance, {@link SampleCovariance}; the default. */
    SAMPLE("sample"),
    /** Exponentially weighted covariance with a half-life, {@link ExponentiallyWeightedCovariance}. */
    EXPONENTIALLY_WEIGHTED("exponential"),
    /** Ledoit-Wolf shrinkage towards constant variance, {@link LedoitWolfShrinkage}. */
    LEDOIT_WOLF("ledoit-wolf"),
    /** Covariance of shortfalls below a benchmark return, {@link Semicovariance}. */
    SEMICOVARIANCE("semicovariance");

    private final String id;

    CovarianceMethod(String id) {
        this.id = id;
    }

    /** The name callers use, in the CLI and the REST API, e.g. {@code sample}. */
    public String id() {
        return id;
    }

    /** @throws InvalidInputException naming {@code field} when {@code id} is none of them */
    public static CovarianceMethod fromId(String id, String field) {
        for (CovarianceMethod method : values()) {
            if (method.id.equals(id)) {
                return method;
            }
        }
        throw new InvalidInputException(field, "must be one of " + Arrays.stream(values()).map(CovarianceMethod::id).toList()
                + ", got " + id);
    }
}
