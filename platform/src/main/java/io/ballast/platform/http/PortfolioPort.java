package io.ballast.platform.http;

import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
    Optional<Valuation> value(String id);

    /**
     * A portfolio valued at the last known prices; every amount is in {@code baseCurrency}.
     *
     * @param nav      net asset value: cash plus the market value of every holding
     * @param valuedAt when the valuation was made
     */
    record Valuation(
            String id,
            String name,
            String baseCurrency,
            BigDecimal cash,
            BigDecimal nav,
            Instant valuedAt,
            List<Holding> holdings) {

        public Valuation {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(baseCurrency, "baseCurrency");
            Objects.requireNonNull(cash, "cash");
            Objects.requireNonNull(nav, "nav");
            Objects.requireNonNull(valuedAt, "valuedAt");
            holdings = List.copyOf(Objects.requireNonNull(holdings, "holdings"));
        }
    }

    /**
     * One holding, valued. Prices are per unit in the portfolio's base currency.
     *
     * @param quantity              units held; negative for a short
     * @param lastPriceTime         when {@code lastPrice} was observed
     * @param marketValue           quantity × lastPrice
     * @param weight                marketValue / nav, a fraction
     * @param unrealisedPnl         quantity × (lastPrice − averagePrice)
     * @param unrealisedPnlFraction unrealised profit or loss as a fraction of the entry cost, from the holder's side
     */
    record Holding(
            String asset,
            BigDecimal quantity,
            BigDecimal averagePrice,
            BigDecimal lastPrice,
            Instant lastPriceTime,
            BigDecimal marketValue,
            BigDecimal weight,
            BigDecimal unrealisedPnl,
            BigDecimal unrealisedPnlFraction) {

        public Holding {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(averagePrice, "averagePrice");
            Objects.requireNonNull(lastPrice, "lastPrice");
            Objects.requireNonNull(lastPriceTime, "lastPriceTime");
            Objects.requireNonNull(marketValue, "marketValue");
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(unrealisedPnl, "unrealisedPnl");
            Objects.requireNonNull(unrealisedPnlFraction, "unrealisedPnlFraction");
        }
    }
}
