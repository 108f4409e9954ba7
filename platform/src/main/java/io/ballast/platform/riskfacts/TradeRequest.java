package io.ballast.platform.riskfacts;

import io.ballast.api.execution.OrderSide;
import java.math.BigDecimal;

/**
 * A trade a caller proposes, before it is priced.
 *
 * @param id       names the trade in decisions; null: its 1-based position in the request ({@code 1}, {@code 2}, ...)
 * @param asset    the asset id
 * @param side     buy or sell
 * @param quantity units, positive
 */
public record TradeRequest(String id, String asset, OrderSide side, BigDecimal quantity) {
}
