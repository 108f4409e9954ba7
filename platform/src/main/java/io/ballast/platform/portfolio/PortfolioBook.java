package io.ballast.platform.portfolio;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.store.InstrumentRepository;
import io.ballast.platform.store.PortfolioRepository;
import io.ballast.platform.store.PriceBarRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The portfolio stage: opens portfolios after checking them, and values them at the latest prices.
 * Calls block on the store.
 */
public final class PortfolioBook {

    private final PriceBarRepository priceBars;
    private final PortfolioRepository portfolios;
    private final NewPortfolioValidation validation;
    private final Clock clock;

    public PortfolioBook(InstrumentRepository instruments, PriceBarRepository priceBars,
            PortfolioRepository portfolios, Clock clock) {
        this.priceBars = Objects.requireNonNull(priceBars, "priceBars");
        this.portfolios = Objects.requireNonNull(portfolios, "portfolios");
        this.validation = new NewPortfolioValidation(Objects.requireNonNull(instruments, "instruments"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks the request and stores the portfolio with its positions under a new UUID.
     *
     * @param createdBy the authenticated user, recorded with the portfolio
     * @return the portfolio as stored (positions ordered by asset, the name without surrounding blanks)
     * @throws InvalidInputException naming the JSON path of the first problem (e.g. {@code positions[2].asset});
     *                               nothing is stored then
     */
    public Portfolio create(NewPortfolio request, String createdBy) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(createdBy, "createdBy");
        validation.check(request);
        String id = UUID.randomUUID().toString();
        // the store keeps microseconds; truncating here keeps what we return equal to what is read later
        Instant createdAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        portfolios.insert(new Portfolio(id, request.name().strip(), request.baseCurrency(), request.cash(),
                request.positions(), createdAt, createdBy));
        return portfolios.find(id).orElseThrow(() -> new IllegalStateException("portfolio " + id + " vanished after it was stored"));
    }

    public Optional<Portfolio> find(String id) {
        return portfolios.find(id);
    }

    /** The portfolio marked to each asset's last close; empty when there is no portfolio with that id. */
    public Optional<PortfolioValuation> value(String id) {
        return portfolios.find(id).map(portfolio -> {
            Map<String, PriceBar> latest = priceBars.latestBars(
                    portfolio.positions().stream().map(Position::asset).toList());
            return Valuation.of(portfolio, latest, clock.instant());
        });
    }
}
