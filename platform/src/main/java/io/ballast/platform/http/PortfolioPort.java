package io.ballast.platform.http;

import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.portfolio.Position;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What the portfolio operations of the REST API need from the portfolio stage. Both methods
 * block (they use the store); the API calls them off the event loop.
 */
public interface PortfolioPort {

    /**
     * Books a new portfolio.
     *
     * @param cash      cash balance in {@code baseCurrency}
     * @param createdBy the authenticated user
     * @throws io.ballast.platform.problem.InvalidInputException when the portfolio is refused (nothing is stored);
     *                                                           its field uses the request's JSON path, e.g. {@code positions[0].quantity}
     */
    Portfolio create(String name, String baseCurrency, BigDecimal cash, List<Position> positions, String createdBy);

    /** The portfolio valued at the last known prices, or empty when there is no portfolio with that id. */
    Optional<PortfolioValuation> value(String id);
}
