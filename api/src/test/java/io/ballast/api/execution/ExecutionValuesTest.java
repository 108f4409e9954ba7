package io.ballast.api.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionValuesTest {

    @Test
    void anOrderIsPricedAsItsTypeSays() {
        assertThatThrownBy(() -> new Order("C-1", "p", "AAA", OrderSide.BUY, BigDecimal.ONE, OrderType.LIMIT, Optional.empty(),
                Optional.empty(), Map.of())).hasMessage("order C-1: a LIMIT order needs a limitPrice");
        assertThatThrownBy(() -> new Order("C-1", "p", "AAA", OrderSide.BUY, BigDecimal.ONE, OrderType.MARKET,
                Optional.of(BigDecimal.TEN), Optional.empty(), Map.of())).hasMessage("order C-1: a MARKET order takes no limitPrice");
        assertThatThrownBy(() -> new Order("C-1", "p", "AAA", OrderSide.SELL, BigDecimal.ONE, OrderType.LIMIT,
                Optional.of(new BigDecimal("-1")), Optional.empty(), Map.of())).hasMessage("order C-1: limitPrice must be positive, got -1");
        assertThatThrownBy(() -> Order.market("C-1", "p", "AAA", OrderSide.SELL, BigDecimal.ZERO, Optional.empty()))
                .hasMessage("order C-1: quantity must be positive, got 0");
        assertThat(Order.market("C-1", "p", "AAA", OrderSide.SELL, new BigDecimal("0.5"), Optional.of(BigDecimal.TEN)).type())
                .isEqualTo(OrderType.MARKET);
    }

    @Test
    void anAckIsEitherAcceptedWithAnIdOrRejectedWithAReason() {
        OrderAck accepted = OrderAck.accepted("C-1", "V-9", Instant.EPOCH);
        OrderAck rejected = OrderAck.rejected("C-2", "market closed", Instant.EPOCH);

        assertThat(accepted.venueOrderId()).hasValue("V-9");
        assertThat(rejected.rejectionReason()).hasValue("market closed");
        assertThatThrownBy(() -> new OrderAck("C-3", Optional.empty(), true, Optional.empty(), Instant.EPOCH))
                .hasMessage("order C-3: an accepted order has a venueOrderId and no rejectionReason");
        assertThatThrownBy(() -> new OrderAck("C-3", Optional.of("V"), false, Optional.of("no"), Instant.EPOCH))
                .hasMessage("order C-3: a rejected order has a rejectionReason and no venueOrderId");
    }

    @Test
    void aFillHasAPositiveQuantityAndPriceAndANonNegativeFee() {
        assertThatThrownBy(() -> fill("0", "10", "0")).hasMessage("fill F-1: quantity must be positive, got 0");
        assertThatThrownBy(() -> fill("1", "0", "0")).hasMessage("fill F-1: price must be positive, got 0");
        assertThatThrownBy(() -> fill("1", "10", "-0.01")).hasMessage("fill F-1: fee must not be negative, got -0.01");
        assertThat(fill("1", "10", "0").fee()).isZero();
    }

    private static Fill fill(String quantity, String price, String fee) {
        return new Fill("F-1", "V-1", "C-1", "AAA", OrderSide.BUY, new BigDecimal(quantity), new BigDecimal(price),
                new BigDecimal(fee), "USD", Instant.EPOCH);
    }
}
