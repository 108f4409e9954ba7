package io.ballast.api.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A portfolio as booked: cash and positions, in its base currency.
 *
 * @param id           the portfolio id (a UUID)
 * @param name         the display name
 * @param baseCurrency ISO 4217 code the cash, prices and values are in
 * @param cash         cash balance in the base currency
 * @param positions    the holdings, at most one per asset
 * @param createdAt    when it was stored
 * @param createdBy    the user who created it
 */
public record Portfolio(
        String id,
        String name,
        String baseCurrency,
        BigDecimal cash,
        List<Position> positions,
        Instant createdAt,
        String createdBy) {

    public Portfolio {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(cash, "cash");
        positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
