package io.ballast.platform.marketdata;

import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.store.Store;
import io.ballast.platform.store.StoreException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty store with the sample market on first start, so a new installation has prices to
 * value portfolios and run optimizers against.
 */
public final class SampleMarketLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SampleMarketLoader.class);

    private SampleMarketLoader() {
    }

    /**
     * Generates and stores the sample market when {@code marketData.loadSampleOnFirstStart} is on and
     * the store holds no instruments yet; otherwise does nothing. Instruments and bars go in one
     * transaction, so a failed load leaves the store empty and the next start tries again.
     *
     * @return whether it loaded the sample
     */
    public static boolean loadIfEmpty(Store store, BallastConfig.MarketData config) {
        if (!config.loadSampleOnFirstStart()) {
            return false;
        }
        long existing = store.instruments().count();
        if (existing > 0) {
            LOG.debug("Store holds {} instruments; the sample market is not loaded", existing);
            return false;
        }
        long started = System.nanoTime();
        SampleMarket market = SampleMarketGenerator.generate(config.sampleSeed(), config.sampleYears());
        Duration generating = Duration.ofNanos(System.nanoTime() - started);
        try {
            store.inTransaction("loading the sample market", connection -> {
                store.instruments().saveAll(connection, market.instruments());
                store.priceBars().saveAll(connection, market.bars());
            });
        } catch (StoreException e) {
            // another instance sharing the database may have loaded it first: that is success
            if (store.instruments().count() > 0) {
                LOG.info("Sample market was loaded by another instance meanwhile");
                return false;
            }
            throw e;
        }
        Duration total = Duration.ofNanos(System.nanoTime() - started);
        LOG.info("Loaded the sample market (seed {}, {} years to {}): {} instruments, {} daily bars in {} ms"
                        + " ({} ms generating, {} ms storing)",
                config.sampleSeed(), config.sampleYears(), SampleMarketGenerator.LAST_DAY,
                market.instruments().size(), market.bars().size(), total.toMillis(), generating.toMillis(),
                total.minus(generating).toMillis());
        return true;
    }
}
