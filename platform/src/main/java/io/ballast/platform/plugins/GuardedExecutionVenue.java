package io.ballast.platform.plugins;

import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import java.util.List;

/** A plugin's {@link ExecutionVenue}, called through the guard. */
final class GuardedExecutionVenue extends GuardedExtension implements ExecutionVenue {

    private final ExecutionVenue plugin;

    GuardedExecutionVenue(ExecutionVenue plugin, ExtensionCalls calls) {
        super(calls);
        this.plugin = plugin;
    }

    @Override
    public OrderAck submit(Order order) {
        return calls.call("submit", () -> plugin.submit(order), next -> ((ExecutionVenue) next).submit(order));
    }

    @Override
    public List<Fill> fills(String venueOrderId) {
        return calls.call("fills", () -> plugin.fills(venueOrderId), next -> ((ExecutionVenue) next).fills(venueOrderId));
    }

    @Override
    public boolean cancel(String venueOrderId) {
        return calls.call("cancel", () -> plugin.cancel(venueOrderId), next -> ((ExecutionVenue) next).cancel(venueOrderId));
    }
}
