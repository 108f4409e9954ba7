package io.ballast.api.execution;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An order the platform sends to a venue. Prices are in the instrument's price currency per unit;
 * quantities are in units of the asset.
 *
 * @param clientOrderId  the platform's id of the order, unique; a venue that sees it twice must not trade twice
 * @param portfolioId    the portfolio the order trades for
 * @param asset          the asset id
 * @param side           buy or sell
 * @param quantity       units to trade; positive
 * @param type           market or limit
 * @param limitPrice     for {@link OrderType#LIMIT}: the worst acceptable price per unit, positive; empty for a market order
 * @param referencePrice the price per unit the platform sized the order at (the last close), positive;
 *                       a paper venue fills at it (plus its slippage); empty when unknown
 * @param parameters     the caller's venue-specific parameters, validated against the venue's
 *                       {@link io.ballast.api.plugin.ParameterSpec}s
 */
public record Order(
        String clientOrderId,
        String portfolioId,
        String asset,
        OrderSide side,
        BigDecimal quantity,
        OrderType type,
        Optional<BigDecimal> limitPrice,
        Optional<BigDecimal> referencePrice,
        Map<String, Object> parameters) {

    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(limitPrice, "limitPrice");
        Objects.requireNonNull(referencePrice, "referencePrice");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (clientOrderId.isBlank()) {
            throw new IllegalArgumentException("clientOrderId must not be blank");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be positive, got " + quantity);
        }
        if (type == OrderType.LIMIT && limitPrice.isEmpty()) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a LIMIT order needs a limitPrice");
        }
        if (type == OrderType.MARKET && limitPrice.isPresent()) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a MARKET order takes no limitPrice");
        }
        limitPrice.ifPresent(price -> requirePositive(price, "limitPrice", clientOrderId));
        referencePrice.ifPresent(price -> requirePositive(price, "referencePrice", clientOrderId));
    }

    /** A market order without venue parameters. */
    public static Order market(String clientOrderId, String portfolioId, String asset, OrderSide side, BigDecimal quantity,
            Optional<BigDecimal> referencePrice) {
        return new Order(clientOrderId, portfolioId, asset, side, quantity, OrderType.MARKET, Optional.empty(), referencePrice, Map.of());
    }

    private static void requirePositive(BigDecimal price, String field, String clientOrderId) {
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": " + field + " must be positive, got " + price);
        }
    }
}
