package io.ballast.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code optimize} and {@code risk} as a user runs them: the public price file in, JSON out,
 * through the bundled optimizer plugins in {@code target/plugins}.
 */
class AnalysisCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path STOCK_PRICES = Path.of(System.getProperty("ballast.shared.data"), "stock_prices.csv");
    private static final double RELATIVE = 1e-3;

    record Run(int exitCode, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = BallastCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    static JsonNode json(Run run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    static void assertRelative(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * RELATIVE));
    }

    /**
     * PyPortfolioOpt's own tests publish these for the same file (tests/test_efficient_frontier.py
     * test_min_volatility and test_max_sharpe_long_only; tests/test_hrp.py with
     * tests/resources/weights_hrp.csv), with geometric-mean returns, pairwise sample covariance and
     * a risk-free rate of 0.02: (expected return, volatility, Sharpe).
     */
    @Nested
    class AgreeWithThePublishedPythonResults {

        @Test
        void minimumVolatility() throws IOException {
            JsonNode result = json(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "min-volatility",
                    "--risk-free-rate", "0.02"));

            assertThat(result.get("method").asText()).isEqualTo("min-volatility");
            assertRelative(result.at("/performance/expectedReturn").asDouble(), 0.15056821399482578);
            assertRelative(result.at("/performance/volatility").asDouble(), 0.15915084514118694);
            assertRelative(result.at("/performance/sharpe").asDouble(), 0.8204054077060996);
            assertThat(weightSum(result)).isCloseTo(1.0, within(1e-9));
        }

        @Test
        void maximumSharpeLongOnly() throws IOException {
            JsonNode result = json(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "max-sharpe",
                    "--risk-free-rate", "0.02"));

            assertRelative(result.at("/performance/expectedReturn").asDouble(), 0.3047768672819914);
            assertRelative(result.at("/performance/volatility").asDouble(), 0.22165566922402932);
            assertRelative(result.at("/performance/sharpe").asDouble(), 1.2847714127003216);
            result.get("weights").properties().forEach(weight -> assertThat(weight.getValue().asDouble()).isGreaterThanOrEqualTo(0));
        }

        @Test
        void hierarchicalRiskParitySingleLinkage() throws IOException {
            JsonNode result = json(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "hrp",
                    "--linkage", "single"));

            Map<String, Double> published = new LinkedHashMap<>();
            published.put("AAPL", 0.022258941278778387);
            published.put("AMD", 0.022294021796692116);
            published.put("AMZN", 0.016086842079874982);
            published.put("BABA", 0.07963382071794088);
            published.put("BAC", 0.014409222455552267);
            published.put("BBY", 0.03406419438245041);
            published.put("FB", 0.06272994714663536);
            published.put("GE", 0.05519063444162851);
            published.put("GM", 0.055576660241857236);
            published.put("GOOG", 0.04956008428992926);
            published.put("JPM", 0.017675709092515715);
            published.put("MA", 0.038127373497320226);
            published.put("PFE", 0.07786528342813452);
            published.put("RRC", 0.03161528695094598);
            published.put("SBUX", 0.039844436656239136);
            published.put("SHLD", 0.027113184241298872);
            published.put("T", 0.11138956508836473);
            published.put("UAA", 0.027115909570750083);
            published.put("WMT", 0.10569551148587902);
            published.put("XOM", 0.11175337115721229);
            published.forEach((asset, weight) -> assertRelative(result.at("/weights/" + asset).asDouble(), weight));
            assertRelative(result.at("/performance/volatility").asDouble(), 0.17844159743748936);
        }
    }

    @Nested
    class Optimize {

        @TempDir
        Path folder;

        @Test
        void everyNamedMethodIsLoadedAndAnswersWithWeightsSummingToOne() throws IOException {
            for (String method : new String[] {"equal-weight", "inverse-volatility", "min-volatility", "max-sharpe",
                    "risk-parity", "hrp", "max-diversification", "kelly"}) {
                JsonNode result = json(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", method));
                assertThat(result.get("method").asText()).isEqualTo(method);
                assertThat(weightSum(result)).as(method).isCloseTo(1.0, within(1e-9));
            }
        }

        @Test
        void efficientReturnMeetsItsTargetAndEfficientRiskItsVolatility() throws IOException {
            JsonNode byReturn = json(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "efficient-return",
                    "--target-return", "0.25"));
            JsonNode byRisk = json(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "efficient-risk",
                    "--target-volatility", "0.18"));

            assertThat(byReturn.at("/performance/expectedReturn").asDouble()).isCloseTo(0.25, within(1e-6));
            assertThat(byRisk.at("/performance/volatility").asDouble()).isCloseTo(0.18, within(1e-6));
        }

        @Test
        void weightBoundsAreKept() throws IOException {
            JsonNode result = json(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "max-sharpe",
                    "--min-weight", "0.02", "--max-weight", "0.1"));

            result.get("weights").properties().forEach(weight ->
                    assertThat(weight.getValue().asDouble()).isBetween(0.02 - 1e-9, 0.1 + 1e-9));
        }

        /**
         * With no views Black-Litterman's posterior mean is its prior π = rf + δΣw_mkt and its
         * posterior covariance (1+τ)Σ, so the tangency direction (1+τ)⁻¹Σ⁻¹(π − rf) is δ/(1+τ)·w_mkt:
         * max-sharpe on the posterior holds the market portfolio, cap / Σcaps (long-only holds, as
         * every cap is positive).
         */
        @Test
        void blackLittermanWithoutViewsHoldsTheMarketPortfolio() throws IOException {
            Path caps = Files.writeString(folder.resolve("caps.json"),
                    "{\"AAPL\": 3e12, \"XOM\": 1e12, \"JPM\": 0.5e12, \"PFE\": 0.5e12}");
            Path prices = Files.writeString(folder.resolve("four.csv"), columns(STOCK_PRICES, List.of("AAPL", "XOM", "JPM", "PFE")));

            JsonNode result = json(run("optimize", "--prices", prices.toString(), "--method", "black-litterman",
                    "--market-caps", caps.toString()));

            assertThat(result.at("/weights/AAPL").asDouble()).isCloseTo(0.6, within(1e-6));
            assertThat(result.at("/weights/XOM").asDouble()).isCloseTo(0.2, within(1e-6));
            assertThat(result.at("/weights/JPM").asDouble()).isCloseTo(0.1, within(1e-6));
            assertThat(result.at("/weights/PFE").asDouble()).isCloseTo(0.1, within(1e-6));
        }

        @Test
        void viewsTiltTheMarketPortfolioTowardTheFavouredAsset() throws IOException {
            Path caps = Files.writeString(folder.resolve("caps.json"),
                    "{\"AAPL\": 3e12, \"XOM\": 1e12, \"JPM\": 0.5e12, \"PFE\": 0.5e12}");
            Path views = Files.writeString(folder.resolve("views.json"),
                    "[{\"pick\": {\"PFE\": 1, \"AAPL\": -1}, \"expectedReturn\": 0.05, \"confidence\": 0.8}]");
            Path prices = Files.writeString(folder.resolve("four.csv"), columns(STOCK_PRICES, List.of("AAPL", "XOM", "JPM", "PFE")));

            JsonNode result = json(run("optimize", "--prices", prices.toString(), "--method", "black-litterman",
                    "--market-caps", caps.toString(), "--views", views.toString()));

            assertThat(result.at("/weights/PFE").asDouble()).isGreaterThan(0.1);
            assertThat(result.at("/weights/AAPL").asDouble()).isLessThan(0.6);
        }

        @Test
        void aRisklessPortfolioHasNoSharpeRatioRatherThanAnInfiniteOne() throws IOException {
            Path flat = Files.writeString(folder.resolve("flat.csv"), "date,A\n2024-01-02,10\n2024-01-03,10\n2024-01-04,10\n");

            JsonNode result = json(run("optimize", "--prices", flat.toString(), "--method", "equal-weight"));

            assertThat(result.at("/performance/volatility").asDouble()).isZero();
            assertThat(result.at("/performance/sharpe").isNull()).isTrue();
        }

        @Test
        void tableFormatListsEveryAssetAndThePerformance() {
            Run run = run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "equal-weight", "--format", "table");

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains("GOOG", "SBUX", "0.050000", "expected return", "volatility", "sharpe");
        }
    }

    @Nested
    class Risk {

        @TempDir
        Path folder;

        /**
         * Independent figures from numpy over the same file: AAPL's 7,125 daily returns;
         * np.percentile(-r, 95) = 0.04043876204816978, np.percentile(-r, 99) = 0.07022764922629778
         * (linear interpolation), np.std(r, ddof=1)·√252 = 0.4555621858489931.
         */
        @Test
        void historicalValueAtRiskAndVolatilityOfOneAsset() throws IOException {
            Path weights = Files.writeString(folder.resolve("w.json"), "{\"AAPL\": 1}");

            JsonNode report = json(run("risk", "--prices", STOCK_PRICES.toString(), "--weights", weights.toString(),
                    "--confidence", "0.95,0.99"));

            assertThat(report.get("analysedPeriodCount").asInt()).isEqualTo(7125);
            assertThat(report.get("annualVolatility").asDouble()).isCloseTo(0.4555621858489931, within(1e-12));
            assertThat(historical(report, 0.95).get("valueAtRiskFraction").asDouble()).isCloseTo(0.04043876204816978, within(1e-12));
            assertThat(historical(report, 0.99).get("valueAtRiskFraction").asDouble()).isCloseTo(0.07022764922629778, within(1e-12));
        }

        /**
         * The output of optimize is accepted as weights. numpy over XOM and JPM held 50/50 (7,125
         * common days): np.percentile(-p, 95) = 0.022649132752981888, ES (mean of losses at or
         * beyond it) = 0.03547353703756449, annual volatility 0.255810004203193.
         */
        @Test
        void theOutputOfOptimizeChainsIntoRisk() throws IOException {
            Path weights = Files.writeString(folder.resolve("optimized.json"),
                    "{\"method\": \"manual\", \"weights\": {\"XOM\": 0.5, \"JPM\": 0.5}, \"performance\": {}}");

            JsonNode report = json(run("risk", "--prices", STOCK_PRICES.toString(), "--weights", weights.toString(),
                    "--confidence", "0.95"));

            assertThat(report.get("annualVolatility").asDouble()).isCloseTo(0.255810004203193, within(1e-12));
            JsonNode historical = historical(report, 0.95);
            assertThat(historical.get("valueAtRiskFraction").asDouble()).isCloseTo(0.022649132752981888, within(1e-12));
            assertThat(historical.get("expectedShortfallFraction").asDouble()).isCloseTo(0.03547353703756449, within(1e-12));
        }

        @Test
        void anAssetThatIsNotInThePricesIsRefusedByName() throws IOException {
            Path weights = Files.writeString(folder.resolve("w.json"), "{\"AAPL\": 0.5, \"TSLA\": 0.5}");

            Run run = run("risk", "--prices", STOCK_PRICES.toString(), "--weights", weights.toString());

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("ballast: weights.TSLA: ").contains("not an asset of the prices");
            assertThat(run.out()).isEmpty();
        }

        private JsonNode historical(JsonNode report, double confidence) {
            for (JsonNode estimate : report.get("tailRisk")) {
                if (estimate.get("method").asText().equals("HISTORICAL") && estimate.get("confidence").asDouble() == confidence) {
                    return estimate;
                }
            }
            throw new AssertionError("no historical estimate at " + confidence + " in " + report.get("tailRisk"));
        }
    }

    /** Bad input: exit code 2, one line on stderr naming the problem, nothing on stdout. */
    @Nested
    class BadInput {

        @TempDir
        Path folder;

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "date,A,B\\n2024-01-02,1,2\\n2024-01-03,1\\n2024-01-04,1,2 | line 3",
            "date,A,B\\n2024-01-02,1,2\\n2024-01-03,1,abc\\n2024-01-04,1,2 | abc",
            "date,A,B\\n2024-01-02,1,2 | two",
        })
        void aBrokenPriceFileIsNamedWithItsProblem(String csv, String named) throws IOException {
            Path prices = Files.writeString(folder.resolve("p.csv"), csv.replace("\\n", "\n"));

            assertRefused(run("optimize", "--prices", prices.toString(), "--method", "min-volatility"), "--prices", named);
        }

        @Test
        void anUnknownMethodIsNamed() {
            assertRefused(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "best-guess"),
                    "method", "no optimizer best-guess is loaded");
        }

        @Test
        void boundsThatCannotSumToOneAreRefused() {
            // 20 assets at most 1% each hold at most 20%
            Run run = run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "min-volatility", "--max-weight", "0.01");

            assertRefused(run, "method", "min-volatility");
        }

        @Test
        void aConstantPriceIsRefusedWhereItsZeroVarianceMatters() throws IOException {
            Path prices = Files.writeString(folder.resolve("flat.csv"),
                    "date,A,B\n2024-01-02,10,20\n2024-01-03,10,21\n2024-01-04,10,20.5\n2024-01-05,10,22\n");

            assertRefused(run("optimize", "--prices", prices.toString(), "--method", "inverse-volatility"), "method", "A");
        }

        @Test
        void anOptimizerParameterIsNamedByItsOption() {
            assertRefused(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "min-volatility",
                    "--target-return", "0.1"), "--target-return", "not a parameter of min-volatility");
        }

        @Test
        void blackLittermanWithoutMarketCapsIsRefusedNamingTheOption() {
            assertRefused(run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "black-litterman"),
                    "--market-caps", "market capitalisation");
        }

        @Test
        void aMistypedOptionIsOneLine() {
            Run run = run("optimize", "--prices", STOCK_PRICES.toString(), "--method", "hrp", "--max-wieght", "0.1");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).contains("--max-wieght").contains("ballast optimize --help");
        }

        private void assertRefused(Run run, String field, String named) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err().lines()).hasSize(1);
            assertThat(run.err()).startsWith("ballast: " + field).contains(named);
            assertThat(run.out()).isEmpty();
        }
    }

    /** The date column and the named columns of a price file, as a smaller price file. */
    private static String columns(Path prices, List<String> assets) throws IOException {
        List<String> lines = Files.readAllLines(prices);
        List<String> header = List.of(lines.get(0).split(","));
        StringBuilder csv = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            csv.append(cells[0]);
            for (String asset : assets) {
                csv.append(',').append(cells[header.indexOf(asset)]);
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    private static double weightSum(JsonNode result) {
        double sum = 0;
        for (JsonNode weight : result.get("weights")) {
            sum += weight.asDouble();
        }
        return sum;
    }
}
