package io.ballast.platform.workflow;

import java.util.Objects;

/** No portfolio has the id a risk check was asked for: a business outcome, not a fault, so it is never retried. */
public final class UnknownPortfolioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String portfolioId;

    public UnknownPortfolioException(String portfolioId) {
        super("no portfolio with id " + portfolioId);
        this.portfolioId = Objects.requireNonNull(portfolioId, "portfolioId");
    }

    public String portfolioId() {
        return portfolioId;
    }
}
