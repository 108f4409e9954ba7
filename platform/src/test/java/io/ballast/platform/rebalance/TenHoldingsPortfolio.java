package io.ballast.platform.rebalance;

import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.store.Store;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For rebalance tests in any package: the portfolio their markets are worked out for, stored under a
 * new id. USD, A1..A10 each bought at 100, 100 units of each (A10's quantity may be given), by "pm".
 */
public final class TenHoldingsPortfolio {

    private TenHoldingsPortfolio() {
    }

    /** Cash 0 and 100 of each: NAV 100 000 at closes of 100, each weight 0.10. */
    public static String store(Store store, String name, Instant openedAt) {
        return store(store, name, BigDecimal.ZERO, "100", openedAt);
    }

    public static String store(Store store, String name, BigDecimal cash, String a10Quantity, Instant openedAt) {
        String id = UUID.randomUUID().toString();
        List<Position> positions = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            positions.add(new Position("A" + i, new BigDecimal(i == 10 ? a10Quantity : "100"), new BigDecimal("100")));
        }
        store.portfolios().insert(new Portfolio(id, name, "USD", cash, positions, openedAt, "pm"));
        return id;
    }
}
