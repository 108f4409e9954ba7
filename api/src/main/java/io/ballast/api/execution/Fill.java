package io.ballast.api.execution;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One execution of (part of) an order. The cash it moves is {@code quantity × price} plus the fee
 * for a buy, minus the fee for a sell.
 *
 * @param fillId        the venue's id of this execution, unique; the platform books each id once
 * @param venueOrderId  the venue's id of the order
 * @param clientOrderId the platform's id of the order
 * @param asset         the asset id
 * @param side          buy or sell, as the order
 * @param quantity      units executed; positive
 * @param price         the price per unit paid or received, in the instrument's price currency; positive
 * @param fee           the venue's fee for this execution, an amount in {@code feeCurrency}; zero or positive
 * @param feeCurrency   ISO 4217 code (or the asset id, for a fee charged in the asset) of the fee
 * @param time          when it executed
 */
public record Fill(
        String fillId,
        String venueOrderId,
        String clientOrderId,
        String asset,
        OrderSide side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        String feeCurrency,
        Instant time) {

    public Fill {
        Objects.requireNonNull(fillId, "fillId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(feeCurrency, "feeCurrency");
        Objects.requireNonNull(time, "time");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("fill " + fillId + ": quantity must be positive, got " + quantity);
        }
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("fill " + fillId + ": price must be positive, got " + price);
        }
        if (fee.signum() < 0) {
            throw new IllegalArgumentException("fill " + fillId + ": fee must not be negative, got " + fee);
        }
    }
}
