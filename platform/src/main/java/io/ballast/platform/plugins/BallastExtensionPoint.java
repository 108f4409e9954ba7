package io.ballast.platform.plugins;

import io.ballast.api.alert.AlertChannel;
import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.plugin.BallastExtension;
import io.ballast.api.strategy.Strategy;
import java.util.Locale;

/** The extension points of the SPI in {@code api/}, each with the name the plugin list gives it. */
public enum BallastExtensionPoint {
    OPTIMIZER(Optimizer.class),
    STRATEGY(Strategy.class),
    MARKET_DATA_SOURCE(MarketDataSource.class),
    EXECUTION_VENUE(ExecutionVenue.class),
    ALERT_CHANNEL(AlertChannel.class);

    private final Class<? extends BallastExtension> type;

    BallastExtensionPoint(Class<? extends BallastExtension> type) {
        this.type = type;
    }

    /** The interface a plugin implements, e.g. {@link Optimizer}. */
    public Class<? extends BallastExtension> type() {
        return type;
    }

    /** The name in the plugin list and the REST API, e.g. {@code market-data-source}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Wraps a plugin's extension so that every call to it goes through the guard. */
    GuardedExtension guard(BallastExtension extension, ExtensionCalls calls) {
        return switch (this) {
            case OPTIMIZER -> new GuardedOptimizer((Optimizer) extension, calls);
            case STRATEGY -> new GuardedStrategy((Strategy) extension, calls);
            case MARKET_DATA_SOURCE -> new GuardedMarketDataSource((MarketDataSource) extension, calls);
            case EXECUTION_VENUE -> new GuardedExecutionVenue((ExecutionVenue) extension, calls);
            case ALERT_CHANNEL -> new GuardedAlertChannel((AlertChannel) extension, calls);
        };
    }
}
