package io.ballast.plugins.execution.paper;

import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import java.util.List;
import java.util.Objects;

/**
 * What the paper venue made of one client order: the order as it came, the answer it gave, and
 * its fills (one for an accepted order, which fills at once and in full; none for a rejected one).
 */
record PaperExecution(Order order, OrderAck ack, List<Fill> fills) {

    PaperExecution {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(ack, "ack");
        fills = List.copyOf(fills);
    }

    static PaperExecution rejected(Order order, OrderAck ack) {
        return new PaperExecution(order, ack, List.of());
    }
}
