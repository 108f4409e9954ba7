package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.GeometricMeanReturnTest.relative;
import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static io.ballast.platform.quant.estimate.ReturnTables.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.prices.SharedMarketData;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MarketEstimatorTest {

    /**
     * Three assets whose pairs overlap in different periods: A and B move together in periods 1-4, B and C in 5-8,
     * A and C opposite in 9-12. Pairwise correlations +1, +1, -1 cannot all hold: the covariance has a negative
     * eigenvalue (numpy: about -5.15e-4 per period).
     */
    private static final ReturnSeries STAGGERED = columns(
            new double[] {0.01, -0.01, 0.02, -0.02, NA, NA, NA, NA, 0.02, -0.02, 0.01, -0.01},
            new double[] {0.01, -0.01, 0.02, -0.02, 0.03, -0.03, 0.01, -0.01, NA, NA, NA, NA},
            new double[] {NA, NA, NA, NA, 0.03, -0.03, 0.01, -0.01, -0.02, 0.02, -0.01, 0.01});

    @Test
    void byDefaultGivesGeometricMeansThePairwiseSampleCovarianceAndItsOwnCorrelation() {
        MarketEstimates estimates = MarketEstimator.estimate(SharedMarketData.stockPrices(), EstimationSettings.defaults());

        assertThat(estimates.assets()).containsExactly(SharedMarketData.STOCK_TICKERS);
        // values from GeometricMeanReturnTest, SampleCovarianceTest and PairwiseCorrelationTest (numpy)
        assertThat(estimates.expectedAnnualReturns()[stock("GOOG")]).isCloseTo(0.2479671394835612, relative(0.2479671394835612));
        assertThat(estimates.annualCovariance()[stock("FB")][stock("BABA")]).isCloseTo(0.03007347360699944,
                relative(0.03007347360699944));
        assertThat(estimates.correlation()[stock("FB")][stock("BABA")]).isCloseTo(0.3717423793913442,
                relative(0.3717423793913442));
        assertThat(estimates.annualVolatilities()[stock("AAPL")]).isCloseTo(Math.sqrt(0.2075369051755125), within(1e-12));
    }

    @Test
    void runsEachMethodOnTheStockPrices() {
        EstimationSettings settings = EstimationSettings.defaults();
        var prices = SharedMarketData.stockPrices();

        MarketEstimates arithmetic = MarketEstimator.estimate(prices, settings
                .withExpectedReturnMethod(ExpectedReturnMethod.ARITHMETIC_MEAN).withCovarianceMethod(CovarianceMethod.LEDOIT_WOLF));
        MarketEstimates weighted = MarketEstimator.estimate(prices, settings
                .withExpectedReturnMethod(ExpectedReturnMethod.EXPONENTIALLY_WEIGHTED)
                .withCovarianceMethod(CovarianceMethod.EXPONENTIALLY_WEIGHTED));
        MarketEstimates capm = MarketEstimator.estimate(prices, settings
                .withExpectedReturnMethod(ExpectedReturnMethod.CAPM).withAnnualRiskFreeRate(0.02)
                .withMarketReturns(ReturnSeries.simple(SharedMarketData.spyPrices()))
                .withCovarianceMethod(CovarianceMethod.SEMICOVARIANCE));

        // the values of the estimator tests (numpy and PyPortfolioOpt)
        assertThat(arithmetic.expectedAnnualReturns()[stock("GOOG")]).isCloseTo(0.2677028381241274, relative(0.2677028381241274));
        assertThat(arithmetic.annualCovariance()[stock("GOOG")][stock("AAPL")]).isCloseTo(0.023869394258631563,
                relative(0.023869394258631563));
        assertThat(weighted.expectedAnnualReturns()[stock("FB")]).isCloseTo(0.1791188634701867, relative(0.1791188634701867));
        assertThat(weighted.annualCovariance()[stock("GE")][stock("AMD")]).isCloseTo(0.03346872830907121,
                within(0.03346872830907121 * 1e-10));
        assertThat(capm.expectedAnnualReturns()[stock("GOOG")]).isCloseTo(0.09115799375654746, within(1e-12));
        assertThat(capm.annualCovariance()[stock("SHLD")][stock("XOM")]).isCloseTo(0.025188005870754055,
                relative(0.025188005870754055));
        // derived correlations for the methods other than the sample covariance
        double[][] covariance = weighted.annualCovariance();
        assertThat(weighted.correlation()[0][1]).isCloseTo(covariance[0][1] / Math.sqrt(covariance[0][0] * covariance[1][1]),
                within(1e-15));
    }

    @Test
    void repairsACovarianceThatIsNotPositiveSemidefiniteAndSaysSo() {
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(SampleCovariance.annualised(STAGGERED, 252))).isFalse();
        Logger logger = (Logger) LoggerFactory.getLogger(MarketEstimator.class);
        Level level = logger.getLevel();
        logger.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            MarketEstimates estimates = MarketEstimator.estimate(STAGGERED, EstimationSettings.defaults());

            assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(estimates.annualCovariance())).isTrue();
            assertThat(appender.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage())
                        .startsWith("The SAMPLE covariance of 3 assets was not positive semidefinite (smallest eigenvalue -0.1")
                        .endsWith("set 1 negative eigenvalues to 0, the nearest positive semidefinite matrix in the Frobenius norm");
            });
            // the pairwise correlation travels as estimated: +1, +1, -1
            assertThat(estimates.correlation()[0][1]).isCloseTo(1.0, within(1e-15));
            assertThat(estimates.correlation()[0][2]).isCloseTo(-1.0, within(1e-15));
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(level);
        }
    }

    @Test
    void everyMethodGivesAPositiveSemidefiniteCovarianceForStaggeredHistories() {
        for (CovarianceMethod method : new CovarianceMethod[] {CovarianceMethod.EXPONENTIALLY_WEIGHTED, CovarianceMethod.SEMICOVARIANCE}) {
            MarketEstimates estimates = MarketEstimator.estimate(STAGGERED, EstimationSettings.defaults().withCovarianceMethod(method));

            assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(estimates.annualCovariance())).as(method.name()).isTrue();
        }
    }

    @Test
    void refusesHistoriesTooShortForAnEstimateNamingTheAssets() {
        ReturnSeries oneReturn = columns(new double[] {0.01, 0.02, 0.03}, new double[] {NA, NA, 0.01});
        ReturnSeries neverTogether = columns(new double[] {0.01, 0.02, NA, NA}, new double[] {NA, NA, 0.01, 0.02});

        assertThatThrownBy(() -> MarketEstimator.estimate(oneReturn, EstimationSettings.defaults()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("prices");
                    assertThat(e.problem()).isEqualTo("asset B (1) has fewer than two returns; at least two are needed");
                });
        assertThatThrownBy(() -> MarketEstimator.estimate(neverTogether, EstimationSettings.defaults()))
                .hasMessage("prices: assets A and B (0) share fewer than two periods with returns of both;"
                        + " a covariance needs at least two");
    }
}
