package io.ballast.platform.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.store.Store;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The portfolio stage over a real (H2) store. */
class PortfolioBookTest {

    private static final Instant NOW = Instant.parse("2026-01-02T09:30:00.123456789Z");
    private static final Instant CLOSE_TIME = Instant.parse("2025-12-31T00:00:00Z");

    @TempDir
    Path dataDirectory;

    private Store store;
    private PortfolioBook book;

    @BeforeEach
    void openStore() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory);
        store.instruments().saveAll(List.of(
                new Instrument("AAA", "Alpha", AssetClass.EQUITY, "Technology", "USD"),
                new Instrument("BBB", "Beta", AssetClass.EQUITY, "Financials", "USD"),
                new Instrument("CCC", "Gamma", AssetClass.EQUITY, "Energy", "USD")));
        store.priceBars().saveAll(List.of(
                bar("AAA", CLOSE_TIME.minusSeconds(86_400), "104"), bar("AAA", CLOSE_TIME, "110"),
                bar("BBB", CLOSE_TIME, "180")));
        book = new PortfolioBook(store.instruments(), store.priceBars(), store.portfolios(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void createsAndStoresAPortfolioUnderANewId() {
        Portfolio created = book.create(new NewPortfolio("  Core book ", "USD", new BigDecimal("1000.50"), List.of(
                new Position("BBB", new BigDecimal("5"), new BigDecimal("200")),
                new Position("AAA", new BigDecimal("10"), new BigDecimal("100")))), "pm-anna");

        assertThat(UUID.fromString(created.id())).isNotNull();
        assertThat(created.name()).isEqualTo("Core book");
        assertThat(created.baseCurrency()).isEqualTo("USD");
        assertThat(created.cash()).isEqualByComparingTo("1000.5");
        assertThat(created.positions()).extracting(Position::asset).containsExactly("AAA", "BBB");
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-01-02T09:30:00.123456Z"));
        assertThat(created.createdBy()).isEqualTo("pm-anna");
        assertThat(book.find(created.id())).contains(created);
    }

    @Test
    void valuesAPortfolioAtTheLatestCloses() {
        Portfolio created = book.create(new NewPortfolio("Core", "USD", new BigDecimal("1000"), List.of(
                new Position("AAA", new BigDecimal("10"), new BigDecimal("100")),
                new Position("BBB", new BigDecimal("5"), new BigDecimal("200")),
                new Position("CCC", new BigDecimal("1"), new BigDecimal("50")))), "pm-anna");

        PortfolioValuation valuation = book.value(created.id()).orElseThrow();

        // AAA at its newest close 110 (not 104): 1100; BBB 900; CCC has no bar and is left out: NAV 3000
        assertThat(valuation.portfolioId()).isEqualTo(created.id());
        assertThat(valuation.name()).isEqualTo("Core");
        assertThat(valuation.valuedAt()).isEqualTo(NOW);
        assertThat(valuation.netAssetValue()).isEqualByComparingTo("3000");
        assertThat(valuation.holdings()).extracting(HoldingValuation::lastPrice)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("110"), new BigDecimal("180"), null);
        assertThat(valuation.holdings().getFirst().lastPriceTime()).isEqualTo(CLOSE_TIME);
        assertThat(valuation.holdings()).extracting(HoldingValuation::weight)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("0.3666666667"), new BigDecimal("0.3"), null);
    }

    @Test
    void anUnknownPortfolioHasNoValuation() {
        assertThat(book.value(UUID.randomUUID().toString())).isEmpty();
        assertThat(book.value("nonsense")).isEmpty();
    }

    static Stream<Arguments> refusedRequests() {
        List<Position> fine = List.of(position("AAA", "10", "100"));
        return Stream.of(
                Arguments.of(new NewPortfolio(null, "USD", BigDecimal.TEN, fine), "name", "must not be blank"),
                Arguments.of(new NewPortfolio("  ", "USD", BigDecimal.TEN, fine), "name", "must not be blank"),
                Arguments.of(new NewPortfolio("x".repeat(201), "USD", BigDecimal.TEN, fine), "name",
                        "must be at most 200 characters, got 201"),
                Arguments.of(new NewPortfolio("P", null, BigDecimal.TEN, fine), "baseCurrency", "is required"),
                Arguments.of(new NewPortfolio("P", "usd", BigDecimal.TEN, fine), "baseCurrency",
                        "must be three upper-case letters (ISO 4217), got 'usd'"),
                Arguments.of(new NewPortfolio("P", "ABC", BigDecimal.TEN, fine), "baseCurrency",
                        "'ABC' is not an ISO 4217 currency code"),
                Arguments.of(new NewPortfolio("P", "XAU", BigDecimal.TEN, fine), "baseCurrency",
                        "'XAU' is not a cash currency"),
                Arguments.of(new NewPortfolio("P", "USD", null, fine), "cash", "is required"),
                Arguments.of(new NewPortfolio("P", "USD", new BigDecimal("-0.01"), fine), "cash",
                        "must not be negative, got -0.01"),
                Arguments.of(new NewPortfolio("P", "USD", new BigDecimal("0.123456789"), fine), "cash",
                        "must have at most 8 decimal places, got 0.123456789"),
                Arguments.of(new NewPortfolio("P", "USD", new BigDecimal("100.125"), fine), "cash",
                        "has more decimals than USD has (2), got 100.125"),
                Arguments.of(new NewPortfolio("P", "JPY", new BigDecimal("100.5"), fine), "cash",
                        "has more decimals than JPY has (0), got 100.5"),
                Arguments.of(new NewPortfolio("P", "USD", new BigDecimal("1E+16"), fine), "cash",
                        "must have at most 16 digits before the decimal point, got 10000000000000000"),
                Arguments.of(new NewPortfolio("P", "USD", BigDecimal.TEN, List.of(position("AAA", "1", "1"),
                        position("BBB", "1", "1"), position("ZZZ", "1", "1"))), "positions[2].asset", "unknown asset 'ZZZ'"),
                Arguments.of(new NewPortfolio("P", "USD", BigDecimal.TEN, List.of(position("AAA", "1", "1"),
                        position("BBB", "1", "1"), position("AAA", "2", "1"))), "positions[2].asset",
                        "'AAA' is already held in positions[0]; one position per asset"),
                Arguments.of(new NewPortfolio("P", "EUR", BigDecimal.TEN, fine), "positions[0].asset",
                        "'AAA' is priced in USD, the portfolio is in EUR; holdings in another currency are not supported yet"),
                Arguments.of(new NewPortfolio("P", "USD", BigDecimal.TEN, Arrays.asList(position("AAA", "1", "1"), null)),
                        "positions[1]", "must not be null"),
                Arguments.of(new NewPortfolio("P", "USD", BigDecimal.TEN, List.of(position("AAA", "0.000", "1"))),
                        "positions[0].quantity", "must not be zero (negative for a short)"),
                Arguments.of(new NewPortfolio("P", "USD", BigDecimal.TEN, List.of(position("AAA", "1", "1"),
                        position("BBB", "1", "0"))), "positions[1].averagePrice", "must be positive, got 0"),
                Arguments.of(new NewPortfolio("P", "USD", BigDecimal.TEN, List.of(position("AAA", "1", "-5"))),
                        "positions[0].averagePrice", "must be positive, got -5"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("refusedRequests")
    void refusesARequestNamingTheFieldAndStoresNothing(NewPortfolio request, String field, String problem) {
        assertThatThrownBy(() -> book.create(request, "pm-anna"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).isEqualTo(problem);
                });

        assertThat(rows("portfolio")).isZero();
        assertThat(rows("position")).isZero();
    }

    @Test
    void acceptsACashOnlyPortfolioAndAShort() {
        Portfolio cashOnly = book.create(new NewPortfolio("Cash", "JPY", new BigDecimal("0"), null), "pm-ben");
        Portfolio withShort = book.create(new NewPortfolio("Short", "USD", new BigDecimal("5000"),
                List.of(position("BBB", "-10", "200"))), "pm-ben");

        assertThat(book.value(cashOnly.id()).orElseThrow().holdings()).isEmpty();
        // -10 * 180 = -1800; NAV 5000 - 1800 = 3200; P&L -10 * (180 - 200) = +200
        PortfolioValuation valuation = book.value(withShort.id()).orElseThrow();
        assertThat(valuation.netAssetValue()).isEqualByComparingTo("3200");
        assertThat(valuation.holdings().getFirst().unrealisedPnl()).isEqualByComparingTo("200");
    }

    private static Position position(String asset, String quantity, String averagePrice) {
        return new Position(asset, new BigDecimal(quantity), new BigDecimal(averagePrice));
    }

    private static PriceBar bar(String asset, Instant time, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, time, price, price, price, price, BigDecimal.ONE);
    }

    private long rows(String table) {
        try (Connection connection = store.dataSource().getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
