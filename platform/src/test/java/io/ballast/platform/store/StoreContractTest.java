package io.ballast.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.health.ComponentHealth;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the store promises, asserted alike against every database it runs on: the subclasses open a
 * fresh, migrated store on H2 and on PostgreSQL.
 */
abstract class StoreContractTest {

    static final Instrument AAA = new Instrument("AAA", "Alpha Arrays", AssetClass.EQUITY, "Technology", "USD");
    static final Instrument BBB = new Instrument("BBB", "Beta Banking", AssetClass.EQUITY, "Financials", "USD");
    static final Instrument CCC = new Instrument("CCC-USD", "Gamma Coin", AssetClass.CRYPTO, "Layer 1", "USD");

    static final Instant DAY_1 = Instant.parse("2025-03-03T00:00:00Z");
    static final Instant DAY_2 = Instant.parse("2025-03-04T00:00:00Z");
    static final Instant DAY_3 = Instant.parse("2025-03-05T00:00:00Z");

    Store store;

    abstract Store openFreshStore();

    /** The schema version the vendor's migrations end at. */
    abstract String expectedSchemaVersion();

    abstract String expectedVendor();

    @BeforeEach
    void openStore() {
        store = openFreshStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void migratesAndReportsItsHealth() {
        ComponentHealth health = store.health();

        assertThat(health.up()).isTrue();
        assertThat(health.details())
                .containsEntry("vendor", expectedVendor())
                .containsEntry("schemaVersion", expectedSchemaVersion())
                .containsEntry("timescale", false);
        assertThat(store.vendor()).isEqualTo(expectedVendor());
        assertThat(store.timescale()).isFalse();
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedStoreIsDown() {
        store.close();
        store.close();

        ComponentHealth health = store.health();
        assertThat(health.up()).isFalse();
        assertThat((String) health.details().get("error")).contains("closed");
    }

    @Test
    void instrumentsRoundTrip() {
        store.instruments().saveAll(List.of(CCC, AAA, BBB));

        assertThat(store.instruments().findAll()).containsExactly(AAA, BBB, CCC);
        assertThat(store.instruments().find("CCC-USD")).contains(CCC);
        assertThat(store.instruments().find("ZZZ")).isEmpty();
        assertThat(store.instruments().count()).isEqualTo(3);
    }

    @Test
    void aBatchWithOneDuplicateInstrumentStoresNoneOfIt() {
        store.instruments().saveAll(List.of(AAA));

        assertThatThrownBy(() -> store.instruments().saveAll(List.of(BBB, AAA)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("storing 2 instruments failed, nothing stored");

        assertThat(store.instruments().findAll()).containsExactly(AAA);
    }

    @Test
    void latestBarsGiveTheNewestBarOfEachAssetAndLeaveOutAssetsWithoutBars() {
        store.instruments().saveAll(List.of(AAA, BBB, CCC));
        store.priceBars().saveAll(List.of(
                bar("AAA", DAY_2, "101.5"),
                bar("AAA", DAY_3, "102.25"),
                bar("AAA", DAY_1, "100"),
                bar("BBB", DAY_1, "50.125"),
                bar("BBB", DAY_2, "49.875")));

        Map<String, PriceBar> latest = store.priceBars().latestBars(List.of("AAA", "BBB", "CCC-USD", "AAA"));

        assertThat(latest).containsOnlyKeys("AAA", "BBB");
        assertThat(latest.get("AAA")).isEqualTo(bar("AAA", DAY_3, "102.25"));
        assertThat(latest.get("BBB")).isEqualTo(bar("BBB", DAY_2, "49.875"));
        assertThat(store.priceBars().latestBars(List.of())).isEmpty();
    }

    @Test
    void recentBarsGiveEachAssetsNewestBarsOldestFirstAndNoneForAnAssetWithout() {
        store.instruments().saveAll(List.of(AAA, BBB, CCC));
        store.priceBars().saveAll(List.of(bar("AAA", DAY_3, "103"), bar("AAA", DAY_1, "101"), bar("AAA", DAY_2, "102"),
                bar("BBB", DAY_1, "50")));

        Map<String, List<PriceBar>> recent = store.priceBars().recentBars(List.of("AAA", "BBB", "CCC-USD", "AAA"), 2);

        assertThat(recent).containsOnlyKeys("AAA", "BBB", "CCC-USD");
        assertThat(recent.get("AAA")).containsExactly(bar("AAA", DAY_2, "102"), bar("AAA", DAY_3, "103"));
        assertThat(recent.get("BBB")).containsExactly(bar("BBB", DAY_1, "50"));
        assertThat(recent.get("CCC-USD")).isEmpty();
        assertThatThrownBy(() -> store.priceBars().recentBars(List.of("AAA"), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be at least 1, got 0");
    }

    @Test
    void recentBarsSeeEveryNewBarOnceStoredWhetherNewestOrLateAndServeLongerAsksFromTheTable() {
        store.instruments().saveAll(List.of(AAA, BBB));
        Instant day4 = DAY_3.plusSeconds(86_400);
        store.priceBars().saveAll(List.of(bar("AAA", DAY_1, "101"), bar("AAA", DAY_3, "103")));
        assertThat(store.priceBars().recentBars(List.of("AAA"), 2).get("AAA"))
                .containsExactly(bar("AAA", DAY_1, "101"), bar("AAA", DAY_3, "103"));

        // a late bar for a day inside what was read: the newest time stays, the count moves
        store.priceBars().saveAll(List.of(bar("AAA", DAY_2, "102")));
        assertThat(store.priceBars().recentBars(List.of("AAA"), 2).get("AAA"))
                .containsExactly(bar("AAA", DAY_2, "102"), bar("AAA", DAY_3, "103"));

        // a new bar of another asset leaves AAA's as they were
        store.priceBars().saveAll(List.of(bar("BBB", day4, "50")));
        assertThat(store.priceBars().recentBars(List.of("AAA"), 2).get("AAA"))
                .containsExactly(bar("AAA", DAY_2, "102"), bar("AAA", DAY_3, "103"));

        // a newer bar, then fewer and more than were read last
        store.priceBars().saveAll(List.of(bar("AAA", day4, "104")));
        assertThat(store.priceBars().recentBars(List.of("AAA"), 1).get("AAA")).containsExactly(bar("AAA", day4, "104"));
        assertThat(store.priceBars().recentBars(List.of("AAA"), 3).get("AAA"))
                .containsExactly(bar("AAA", DAY_2, "102"), bar("AAA", DAY_3, "103"), bar("AAA", day4, "104"));
        assertThat(store.priceBars().recentBars(List.of("AAA"), 10).get("AAA"))
                .containsExactly(bar("AAA", DAY_1, "101"), bar("AAA", DAY_2, "102"), bar("AAA", DAY_3, "103"), bar("AAA", day4, "104"));
        assertThat(store.priceBars().recentBars(List.of("AAA"), 2).get("AAA"))
                .containsExactly(bar("AAA", DAY_3, "103"), bar("AAA", day4, "104"));

        // BBB: one bar, read as all it has; a late one before it is part of "all", so it is seen
        assertThat(store.priceBars().recentBars(List.of("BBB"), 3).get("BBB")).containsExactly(bar("BBB", day4, "50"));
        store.priceBars().saveAll(List.of(bar("BBB", DAY_1, "48")));
        assertThat(store.priceBars().recentBars(List.of("BBB"), 3).get("BBB"))
                .containsExactly(bar("BBB", DAY_1, "48"), bar("BBB", day4, "50"));
    }

    @Test
    void recentBarsOfAnAssetWithoutBarsSeeItsFirstBar() {
        store.instruments().saveAll(List.of(CCC));
        assertThat(store.priceBars().recentBars(List.of("CCC-USD"), 2).get("CCC-USD")).isEmpty();

        store.priceBars().saveAll(List.of(bar("CCC-USD", DAY_2, "2")));

        assertThat(store.priceBars().recentBars(List.of("CCC-USD"), 2).get("CCC-USD")).containsExactly(bar("CCC-USD", DAY_2, "2"));
    }

    @Test
    void theNewestBarTimeIsReadFromAnIndexLedByBarTime() throws Exception {
        try (java.sql.Connection connection = store.dataSource().getConnection();
                java.sql.ResultSet indexes = connection.getMetaData().getIndexInfo(null, null, "price_bar", false, false)) {
            List<String> timeIndexes = new java.util.ArrayList<>();
            while (indexes.next()) {
                if ("bar_time".equalsIgnoreCase(indexes.getString("COLUMN_NAME")) && indexes.getShort("ORDINAL_POSITION") == 1) {
                    timeIndexes.add(indexes.getString("INDEX_NAME"));
                }
            }
            // ours on a plain table, TimescaleDB's on a hypertable: any name
            assertThat(timeIndexes).isNotEmpty();
        }
    }

    @Test
    void barsAreReadBackExactlyOldestFirstWithinAHalfOpenRange() {
        store.instruments().saveAll(List.of(CCC));
        PriceBar first = new PriceBar("CCC-USD", DAY_1, new BigDecimal("0.00012345"), new BigDecimal("0.00013"),
                new BigDecimal("0.0001"), new BigDecimal("0.00012"), new BigDecimal("123456789.12345678"));
        store.priceBars().saveAll(List.of(bar("CCC-USD", DAY_3, "3"), bar("CCC-USD", DAY_2, "2"), first));

        assertThat(store.priceBars().bars("CCC-USD", DAY_1, DAY_3)).containsExactly(first, bar("CCC-USD", DAY_2, "2"));
        assertThat(store.priceBars().bars("CCC-USD", DAY_3, DAY_3)).isEmpty();
    }

    @Test
    void manyBarsAreStoredAcrossSeveralBatches() {
        store.instruments().saveAll(List.of(AAA));
        int count = PriceBarRepository.BATCH_SIZE * 2 + 7;
        List<PriceBar> bars = java.util.stream.IntStream.range(0, count)
                .mapToObj(day -> bar("AAA", DAY_1.plusSeconds(86_400L * day), Integer.toString(100 + day)))
                .toList();

        store.priceBars().saveAll(bars);

        assertThat(store.priceBars().bars("AAA", DAY_1, DAY_1.plusSeconds(86_400L * count))).hasSize(count);
        assertThat(store.priceBars().latestBars(List.of("AAA")).get("AAA").close())
                .isEqualTo(new BigDecimal(100 + count - 1));
    }

    @Test
    void aBarOfAnUnknownAssetFailsTheWholeBatch() {
        store.instruments().saveAll(List.of(AAA));

        assertThatThrownBy(() -> store.priceBars().saveAll(List.of(bar("AAA", DAY_1, "100"), bar("ZZZ", DAY_1, "1"))))
                .isInstanceOf(StoreException.class);

        assertThat(store.priceBars().latestBars(List.of("AAA", "ZZZ"))).isEmpty();
    }

    @Test
    void workAcrossRepositoriesInOneTransactionIsUndoneWhenItFails() {
        assertThatThrownBy(() -> store.inTransaction("loading", connection -> {
            store.instruments().saveAll(connection, List.of(AAA));
            store.priceBars().saveAll(connection, List.of(bar("AAA", DAY_1, "100"), bar("AAA", DAY_1, "101")));
        })).isInstanceOf(StoreException.class).hasMessageStartingWith("loading failed, nothing stored");

        assertThat(store.instruments().count()).isZero();
    }

    @Test
    void portfoliosRoundTripWithTheirPositions() {
        store.instruments().saveAll(List.of(AAA, BBB, CCC));
        Portfolio portfolio = new Portfolio(UUID.randomUUID().toString(), "Growth", "USD", new BigDecimal("1000.5"),
                List.of(new Position("CCC-USD", new BigDecimal("0.12345678"), new BigDecimal("43210.12")),
                        new Position("AAA", new BigDecimal("10"), new BigDecimal("100")),
                        new Position("BBB", new BigDecimal("-5"), new BigDecimal("200.25"))),
                Instant.parse("2025-06-30T12:34:56.123456Z"), "pm-anna");

        store.portfolios().insert(portfolio);

        Portfolio read = store.portfolios().find(portfolio.id()).orElseThrow();
        assertThat(read).isEqualTo(new Portfolio(portfolio.id(), "Growth", "USD", new BigDecimal("1000.5"),
                List.of(new Position("AAA", new BigDecimal("10"), new BigDecimal("100")),
                        new Position("BBB", new BigDecimal("-5"), new BigDecimal("200.25")),
                        new Position("CCC-USD", new BigDecimal("0.12345678"), new BigDecimal("43210.12"))),
                Instant.parse("2025-06-30T12:34:56.123456Z"), "pm-anna"));
    }

    @Test
    void aPortfolioWithoutPositionsRoundTrips() {
        Portfolio cashOnly = new Portfolio(UUID.randomUUID().toString(), "Cash", "EUR", BigDecimal.ZERO, List.of(),
                Instant.parse("2025-01-01T00:00:00Z"), "pm-ben");

        store.portfolios().insert(cashOnly);

        assertThat(store.portfolios().find(cashOnly.id())).contains(cashOnly);
    }

    @Test
    void aPortfolioWithARefusedPositionIsNotStoredAtAll() {
        store.instruments().saveAll(List.of(AAA));
        String id = UUID.randomUUID().toString();
        Portfolio withUnknownAsset = new Portfolio(id, "Broken", "USD", BigDecimal.TEN,
                List.of(new Position("AAA", BigDecimal.ONE, BigDecimal.ONE), new Position("ZZZ", BigDecimal.ONE, BigDecimal.ONE)),
                Instant.parse("2025-01-01T00:00:00Z"), "pm-ben");

        assertThatThrownBy(() -> store.portfolios().insert(withUnknownAsset)).isInstanceOf(StoreException.class);

        assertThat(store.portfolios().find(id)).isEmpty();
        assertThat(rowCount("position")).isZero();
    }

    @Test
    void aSecondPortfolioWithTheSameIdIsRefusedAndTheFirstIsKept() {
        store.instruments().saveAll(List.of(AAA));
        String id = UUID.randomUUID().toString();
        Portfolio first = new Portfolio(id, "First", "USD", BigDecimal.TEN,
                List.of(new Position("AAA", BigDecimal.ONE, BigDecimal.ONE)), Instant.parse("2025-01-01T00:00:00Z"), "a");
        store.portfolios().insert(first);

        assertThatThrownBy(() -> store.portfolios().insert(new Portfolio(id, "Second", "USD", BigDecimal.ONE, List.of(),
                Instant.parse("2025-01-02T00:00:00Z"), "b"))).isInstanceOf(StoreException.class);

        assertThat(store.portfolios().find(id)).contains(first);
    }

    @Test
    void unknownOrMalformedPortfolioIdsAreNotFound() {
        assertThat(store.portfolios().find(UUID.randomUUID().toString())).isEmpty();
        assertThat(store.portfolios().find("not-a-uuid")).isEmpty();
    }

    static PriceBar bar(String asset, Instant time, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, time, price, price.add(BigDecimal.ONE), price.subtract(new BigDecimal("0.5")),
                price, new BigDecimal("1500"));
    }

    private long rowCount(String table) {
        try (var connection = store.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                var row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
