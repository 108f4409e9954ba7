package io.ballast.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.store.Store;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuantLibraryPortTest {

    private static final LocalDate JAN_5 = LocalDate.parse("2024-01-05");
    private static final LocalDate JAN_6 = LocalDate.parse("2024-01-06");
    private static final LocalDate JAN_8 = LocalDate.parse("2024-01-08");

    @TempDir
    Path dataDirectory;

    private Store store;
    private QuantLibraryPort port;

    @BeforeEach
    void openStore() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory);
        store.instruments().saveAll(List.of(new Instrument("AAPL", "Apple", AssetClass.EQUITY, "Technology", "USD"),
                new Instrument("BTC-USD", "Bitcoin", AssetClass.CRYPTO, "Crypto", "USD")));
        // BTC trades on Saturday the 6th, AAPL does not; AAPL trades on Monday the 8th, BTC has no bar
        store.priceBars().saveAll(List.of(bar("BTC-USD", JAN_5, "41000"), bar("BTC-USD", JAN_6, "42000.5"),
                bar("AAPL", JAN_5, "185.25"), bar("AAPL", JAN_8, "187")));
        port = new QuantLibraryPort(store.instruments(), store.priceBars(),
                new PortfolioConstruction(id -> Optional.empty(), List::of));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void storedBarsAreAlignedOnTheUnionOfTheirDays() {
        PriceHistory prices = port.storedPrices(List.of("AAPL", "BTC-USD"), Optional.empty(), Optional.empty());

        assertThat(prices.assets()).containsExactly("AAPL", "BTC-USD");
        assertThat(prices.dates()).containsExactly(JAN_5, JAN_6, JAN_8);
        assertThat(prices.closes("AAPL")).containsExactly(185.25, Double.NaN, 187);
        assertThat(prices.closes("BTC-USD")).containsExactly(41000, 42000.5, Double.NaN);
    }

    @Test
    void storedPricesTheQuantStagesCannotUseAreRefusedUnderPrices() {
        assertRefused(() -> port.storedPrices(List.of("AAPL", "BTC-USD"), Optional.of(JAN_8), Optional.empty()),
                "prices", "asset BTC-USD has no bars");
        assertRefused(() -> port.storedPrices(List.of("BTC-USD"), Optional.of(JAN_6), Optional.empty()),
                "prices", "the prices cover 1 date; at least two are needed");
        assertRefused(() -> port.storedPrices(List.of("AAPL", "MSFT"), Optional.empty(), Optional.empty()),
                "prices.assets[1]", "no instrument MSFT is stored");
        assertRefused(() -> port.storedPrices(List.of("AAPL"), Optional.of(JAN_8), Optional.of(JAN_5)),
                "prices.from", "is after prices.to (2024-01-08 > 2024-01-05)");
    }

    private static void assertRefused(Runnable call, String field, String problem) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }

    private static PriceBar bar(String asset, LocalDate day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, day.atStartOfDay(ZoneOffset.UTC).toInstant(), price, price, price, price,
                BigDecimal.ONE);
    }
}
