package io.ballast.platform.portfolio;

import io.ballast.api.portfolio.Position;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request to open a portfolio, as a user sent it: nothing is checked here, {@link PortfolioBook#create}
 * validates it and names the field that is wrong.
 *
 * @param name         display name, 1 to 200 characters
 * @param baseCurrency ISO 4217 code, e.g. {@code USD}; cash, prices and values are in it
 * @param cash         opening cash balance, not negative
 * @param positions    opening holdings, at most one per asset; {@code null} means none
 */
public record NewPortfolio(String name, String baseCurrency, BigDecimal cash, List<Position> positions) {

    public NewPortfolio {
        // a copy that keeps null elements, so validation can report them by index
        positions = positions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(positions));
    }
}
