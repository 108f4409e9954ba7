package io.ballast.platform.http;

import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.security.BearerAccess;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** {@code createPortfolio} and {@code getPortfolio}. */
final class PortfolioHandlers {

    static final String PORTFOLIOS_PATH = "/api/v1/portfolios";

    /** The body of createPortfolio, as the contract's NewPortfolio schema has already checked it. */
    private record NewPortfolioBody(String name, String baseCurrency, BigDecimal cash, List<Position> positions) {}

    /** getPortfolio's body: the contract names the id and the NAV more briefly than the value type does. */
    private record ValuationBody(String id, String name, String baseCurrency, BigDecimal cash, BigDecimal nav,
                                 Instant valuedAt, List<HoldingValuation> holdings, List<String> unpricedAssets) {

        static ValuationBody of(PortfolioValuation valuation) {
            return new ValuationBody(valuation.portfolioId(), valuation.name(), valuation.baseCurrency(), valuation.cash(),
                    valuation.netAssetValue(), valuation.valuedAt(), valuation.holdings(), valuation.unpricedAssets());
        }
    }

    private final PortfolioPort portfolios;

    PortfolioHandlers(PortfolioPort portfolios) {
        this.portfolios = Objects.requireNonNull(portfolios, "portfolios");
    }

    void create(RoutingContext rc) {
        String user = BearerAccess.user(rc).name();
        NewPortfolioBody body = JsonBodies.read(rc, NewPortfolioBody.class);
        rc.vertx()
                .executeBlocking(() -> portfolios.create(body.name(), body.baseCurrency(), body.cash(), body.positions(), user), false)
                .onSuccess(portfolio -> {
                    rc.response().putHeader(HttpHeaders.LOCATION, location(portfolio));
                    JsonBodies.send(rc, 201, portfolio);
                })
                .onFailure(rc::fail);
    }

    void get(RoutingContext rc) {
        String id = rc.pathParam("id");
        rc.vertx()
                .executeBlocking(() -> portfolios.value(id), false)
                .onSuccess(valuation -> valuation.ifPresentOrElse(
                        found -> JsonBodies.send(rc, 200, ValuationBody.of(found)),
                        () -> rc.fail(new ResourceNotFoundException("portfolio", id))))
                .onFailure(rc::fail);
    }

    private static String location(Portfolio portfolio) {
        return PORTFOLIOS_PATH + "/" + URLEncoder.encode(portfolio.id(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
