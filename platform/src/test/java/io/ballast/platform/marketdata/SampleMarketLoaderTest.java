package io.ballast.platform.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleMarketLoaderTest {

    private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant AFTER_END = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dataDirectory;

    private Store store;

    @BeforeEach
    void openStore() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void loadsTheSampleIntoAnEmptyStoreOnceAndOnlyOnce() {
        BallastConfig.MarketData config = BallastConfig.defaults().marketData();

        assertThat(SampleMarketLoader.loadIfEmpty(store, config)).isTrue();

        SampleMarket expected = SampleMarketGenerator.generate(config.sampleSeed(), config.sampleYears());
        assertThat(store.instruments().count()).isEqualTo(20);
        assertThat(store.priceBars().bars("NVLX", START, AFTER_END)).hasSize(1304);
        assertThat(store.priceBars().bars("ARCD-USD", START, AFTER_END)).hasSize(1826);
        assertThat(store.priceBars().latestBars(List.of("QBTR")).get("QBTR").close())
                .isEqualByComparingTo(SampleMarketGeneratorTest.bars(expected, "QBTR").getLast().close());

        assertThat(SampleMarketLoader.loadIfEmpty(store, config)).isFalse();
        assertThat(store.instruments().count()).isEqualTo(20);
        assertThat(store.priceBars().bars("NVLX", START, AFTER_END)).hasSize(1304);
    }

    @Test
    void aStoreThatHoldsInstrumentsIsLeftAlone() {
        Instrument own = new Instrument("OWN", "Our own", AssetClass.EQUITY, "Technology", "USD");
        store.instruments().saveAll(List.of(own));

        assertThat(SampleMarketLoader.loadIfEmpty(store, new BallastConfig.MarketData(true, 1, 1))).isFalse();

        assertThat(store.instruments().findAll()).containsExactly(own);
    }

    @Test
    void nothingIsLoadedWhenTheSampleIsSwitchedOff() {
        assertThat(SampleMarketLoader.loadIfEmpty(store, new BallastConfig.MarketData(false, 1, 1))).isFalse();

        assertThat(store.instruments().count()).isZero();
    }
}
