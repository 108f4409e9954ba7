package io.ballast.platform.plugins;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceBarListener;
import io.ballast.api.marketdata.Subscription;
import io.ballast.platform.problem.FailureMessages;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream a plugin opened, as the platform holds it: closed by its subscriber or, at the latest,
 * when the plugin's session ends (stopped, removed, swapped or FAILED). Bars reach the platform's
 * listener only while it is open and the session takes calls, and only for the assets asked for.
 * Closing twice, or after the plugin stopped, does nothing more.
 */
final class SessionSubscription implements Subscription {

    private static final Logger log = LoggerFactory.getLogger(SessionSubscription.class);

    private final ExtensionCalls calls;
    private final Set<String> assets;
    private final PriceBarListener listener;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final AtomicBoolean closedInPlugin = new AtomicBoolean();
    private final AtomicBoolean strayBarLogged = new AtomicBoolean();
    private volatile Subscription running;

    SessionSubscription(ExtensionCalls calls, Set<String> assets, PriceBarListener listener) {
        this.calls = calls;
        this.assets = Set.copyOf(assets);
        this.listener = listener;
    }

    /** What the plugin delivers to: drops what comes after the end and bars of assets not asked for. */
    PriceBarListener pluginSide() {
        return new PriceBarListener() {
            @Override
            public void onBar(PriceBar bar) {
                if (!delivering()) {
                    return;
                }
                if (bar == null || !assets.contains(bar.asset())) {
                    if (strayBarLogged.compareAndSet(false, true)) {
                        log.warn("{}: its stream delivered a bar of {}, not asked for (asked for {}); such bars are dropped",
                                calls.description(), bar == null ? "nothing (null)" : bar.asset(), assets);
                    }
                    return;
                }
                listener.onBar(bar);
            }

            @Override
            public void onFailure(Exception cause) {
                if (delivering()) {
                    listener.onFailure(cause);
                }
            }
        };
    }

    /** The plugin's own subscription, once {@code subscribe} returned it. */
    void opened(Subscription pluginSubscription) {
        this.running = pluginSubscription;
    }

    private boolean delivering() {
        return open.get() && calls.runtime().refusal() == null;
    }

    /**
     * The subscriber's close: a guarded call while the plugin runs, failing as such a call fails; once
     * the plugin stopped, nothing (its session's end closed the stream).
     */
    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        try {
            calls.run("close subscription", this::closeInPlugin);
        } catch (PluginCallException failed) {
            if (!closedInPlugin.get()) {
                // not called: the session ended or ends, and closes it, as it is still noted there
                log.debug("{}", failed.getMessage());
                return;
            }
            calls.runtime().forget(this);
            throw failed;
        }
        calls.runtime().forget(this);
    }

    /** Closes the plugin's stream once; runs plugin code, so only on a guarded thread. */
    void closeInPlugin() {
        open.set(false);
        Subscription pluginSubscription = running;
        if (pluginSubscription != null && closedInPlugin.compareAndSet(false, true)) {
            pluginSubscription.close();
        }
    }

    /** Closes the stream on ending the session; a failure is logged, it must not keep the others open. */
    void closeOnSessionEnd() {
        try {
            closeInPlugin();
        } catch (RuntimeException | LinkageError e) {
            log.warn("{}: closing its stream failed: {}", calls.description(), FailureMessages.causeChain(e));
        }
    }
}
