package io.ballast.platform.app;

import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.http.PortfolioPort;
import io.ballast.platform.portfolio.NewPortfolio;
import io.ballast.platform.portfolio.PortfolioBook;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The REST API's portfolio operations, served by the portfolio book. */
final class PortfolioBookPort implements PortfolioPort {

    private final PortfolioBook book;

    PortfolioBookPort(PortfolioBook book) {
        this.book = book;
    }

    @Override
    public Portfolio create(String name, String baseCurrency, BigDecimal cash, List<Position> positions, String createdBy) {
        return book.create(new NewPortfolio(name, baseCurrency, cash, positions), createdBy);
    }

    @Override
    public Optional<PortfolioValuation> value(String id) {
        return book.value(id);
    }
}
