package io.ballast.platform.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.platform.config.BallastConfig;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.junit.jupiter.api.Test;

class SampleMarketGeneratorTest {

    // the seed users get: the properties below hold for the data the platform loads
    private static final long SEED = BallastConfig.defaults().marketData().sampleSeed();
    private static final SampleMarket FIVE_YEARS = SampleMarketGenerator.generate(SEED, 5);

    @Test
    void theSameSeedGivesTheSameMarketAndAnotherSeedAnotherOne() {
        SampleMarket again = SampleMarketGenerator.generate(SEED, 5);
        SampleMarket other = SampleMarketGenerator.generate(SEED + 1, 5);

        assertThat(again).isEqualTo(FIVE_YEARS);
        assertThat(other.instruments()).isEqualTo(FIVE_YEARS.instruments());
        assertThat(other.bars()).hasSameSizeAs(FIVE_YEARS.bars());
        assertThat(closes(other, "NVLX")).isNotEqualTo(closes(FIVE_YEARS, "NVLX"));
        assertThat(last(other, "ARCD-USD").close()).isNotEqualByComparingTo(last(FIVE_YEARS, "ARCD-USD").close());
    }

    @Test
    void theUniverseHasSixteenEquitiesInSixSectorsAndFourCryptoAssets() {
        Map<AssetClass, List<Instrument>> byClass = FIVE_YEARS.instruments().stream()
                .collect(Collectors.groupingBy(Instrument::assetClass));

        assertThat(byClass.get(AssetClass.EQUITY)).hasSize(16);
        assertThat(byClass.get(AssetClass.EQUITY).stream().map(Instrument::sector).distinct())
                .containsExactlyInAnyOrder("Technology", "Financials", "Energy", "Health Care", "Consumer", "Industrials");
        assertThat(byClass.get(AssetClass.CRYPTO)).hasSize(4);
        assertThat(byClass.get(AssetClass.CRYPTO).stream().map(Instrument::sector).distinct())
                .containsExactlyInAnyOrder("Layer 1", "Payments");
        assertThat(FIVE_YEARS.instruments().stream().map(Instrument::id).distinct()).hasSize(20);
        assertThat(FIVE_YEARS.instruments()).allSatisfy(i -> assertThat(i.currency()).isEqualTo("USD"));
    }

    @Test
    void fiveYearsEndOnTheLastDayWithEquitiesOnWeekdaysAndCryptoEveryDay() {
        // 2021-01-01 (a Friday) to 2025-12-31: 5 * 365 + 1 leap day = 1826 days, 260 whole weeks
        // (1300 weekdays) plus Fri 26 to Wed 31 Dec 2025 (4 weekdays) = 1304 weekdays
        List<PriceBar> equity = bars(FIVE_YEARS, "CLWV");
        List<PriceBar> crypto = bars(FIVE_YEARS, "TSSL-USD");

        assertThat(equity).hasSize(1304);
        assertThat(crypto).hasSize(1826);
        assertThat(day(crypto.getFirst())).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(day(crypto.getLast())).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(day(equity.getLast())).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(FIVE_YEARS.bars()).filteredOn(bar -> !bar.asset().endsWith("-USD"))
                .extracting(bar -> day(bar).getDayOfWeek())
                .doesNotContain(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(FIVE_YEARS.bars()).allSatisfy(bar -> assertThat(bar.time()).isEqualTo(day(bar).atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(FIVE_YEARS.bars()).hasSize(16 * 1304 + 4 * 1826);
    }

    @Test
    void everyBarIsConsistentAndOnItsTick() {
        assertThat(FIVE_YEARS.bars()).allSatisfy(bar -> {
            assertThat(bar.high()).isGreaterThanOrEqualTo(bar.open().max(bar.close()));
            assertThat(bar.low()).isLessThanOrEqualTo(bar.open().min(bar.close()));
            assertThat(bar.low()).isPositive();
            assertThat(bar.volume()).isPositive();
        });
        assertThat(bars(FIVE_YEARS, "NVLX")).allSatisfy(bar -> assertThat(bar.close().scale()).isEqualTo(2));
        assertThat(bars(FIVE_YEARS, "NVLX")).allSatisfy(bar -> assertThat(bar.volume().scale()).isZero());
        assertThat(bars(FIVE_YEARS, "VLTP-USD")).allSatisfy(bar -> assertThat(bar.close().scale()).isEqualTo(5));
    }

    @Test
    void aCryptoBarOpensWhereThePreviousOneClosed() {
        List<PriceBar> crypto = bars(FIVE_YEARS, "NMBX-USD");
        for (int i = 1; i < crypto.size(); i++) {
            assertThat(crypto.get(i).open()).isEqualTo(crypto.get(i - 1).close());
        }
    }

    @Test
    void realisedVolatilityIsNearTheModelsAndTypicalOfTheAssetClass() {
        for (SampleAsset asset : SampleUniverse.ASSETS) {
            boolean crypto = asset.instrument().assetClass() == AssetClass.CRYPTO;
            double realised = new StandardDeviation().evaluate(returns(closes(FIVE_YEARS, asset.instrument().id())))
                    * Math.sqrt(crypto ? 365 : 252);

            assertThat(realised).as("annualised volatility of %s", asset.instrument().id())
                    .isBetween(asset.annualVolatility() * 0.8, asset.annualVolatility() * 1.2)
                    .isBetween(crypto ? 0.5 : 0.12, crypto ? 1.1 : 0.5);
        }
    }

    @Test
    void stocksOfOneSectorMoveTogetherMoreThanStocksOfDifferentSectors() {
        // model: same sector sqrt(.40*.40) + sqrt(.30*.30) = 0.70; technology vs energy sqrt(.40*.25) = 0.32
        double[] novalux = returns(closes(FIVE_YEARS, "NVLX"));
        double[] qubitra = returns(closes(FIVE_YEARS, "QBTR"));
        double[] petraxis = returns(closes(FIVE_YEARS, "PTRX"));
        PearsonsCorrelation correlation = new PearsonsCorrelation();

        double sameSector = correlation.correlation(novalux, qubitra);
        double acrossSectors = correlation.correlation(novalux, petraxis);

        assertThat(sameSector).isBetween(0.6, 0.8);
        assertThat(acrossSectors).isBetween(0.2, 0.45);
    }

    @Test
    void turbulentSpellsMakeReturnsFatTailed() {
        // a normal distribution has excess kurtosis 0; the regime mixture's is about 3 * (E[k^4] - 1) = 1.6
        double excessKurtosis = new org.apache.commons.math3.stat.descriptive.moment.Kurtosis()
                .evaluate(returns(closes(FIVE_YEARS, "ORCF")));

        assertThat(excessKurtosis).isGreaterThan(0.7);
    }

    static List<PriceBar> bars(SampleMarket market, String asset) {
        return market.bars().stream().filter(bar -> bar.asset().equals(asset)).toList();
    }

    private static PriceBar last(SampleMarket market, String asset) {
        return bars(market, asset).getLast();
    }

    private static double[] closes(SampleMarket market, String asset) {
        return bars(market, asset).stream().map(PriceBar::close).mapToDouble(BigDecimal::doubleValue).toArray();
    }

    private static double[] returns(double[] closes) {
        double[] returns = new double[closes.length - 1];
        for (int i = 1; i < closes.length; i++) {
            returns[i - 1] = closes[i] / closes[i - 1] - 1;
        }
        return returns;
    }

    private static LocalDate day(PriceBar bar) {
        return LocalDate.ofInstant(bar.time(), ZoneOffset.UTC);
    }
}
