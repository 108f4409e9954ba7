package io.ballast.plugins.marketdata.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoricalBootstrapSourceTest {

    private static final Path STOCK_PRICES = Path.of(System.getProperty("ballast.shared.data"), "stock_prices.csv");
    private static final double SAME_RETURN = 1e-12;

    private final SyntheticSource source = new SyntheticSource();

    @TempDir
    Path folder;

    @Test
    void everyDrawnReturnIsOneOfTheSamplesAndEachIsDrawnAboutEquallyOften() throws IOException {
        // closes 100, 110, 104.5, 100.32: returns +10 %, -5 %, -4 % (by hand); their logs nearly cancel, so the path stays in range
        Path history = Files.writeString(folder.resolve("x.csv"), """
                date,X
                2024-01-01,100
                2024-01-02,110
                2024-01-03,104.5
                2024-01-04,100.32
                """);
        double[] sample = {0.10, -0.05, -0.04};
        int draws = 30_000;

        LocalDate start = LocalDate.of(1990, 1, 1);
        List<PriceBar> bars = source.bars(new BarRequest(List.of("X"), start, start.plusDays(draws),
                Map.of("model", "bootstrap", "historyCsv", history.toString(), "assetClass", "CRYPTO",
                        "startDay", start.toString(), "seed", 5L)));

        assertThat(bars).hasSize(draws + 1);

        int[] counts = new int[sample.length];
        for (int t = 1; t <= draws; t++) {
            counts[sampleIndex(simpleReturn(bars, t), sample)]++;
        }
        // iid uniform draws: each count is binomial(30,000, 1/3); 4 standard deviations is 4 * 81.6
        double tolerance = 4 * Math.sqrt(draws * (1.0 / 3) * (2.0 / 3));
        for (int count : counts) {
            assertThat((double) count).isCloseTo(draws / 3.0, within(tolerance));
        }
    }

    @Test
    void fromTheSharedStockPricesEachDayMovesAllTwentyAssetsByTheReturnsOfOneHistoricalDay() throws IOException {
        Map<String, double[]> returnsByDay = completeDayReturns(STOCK_PRICES);
        // python over stock_prices.csv: 895 days on which all 20 assets have a return, 2014-09-22 to 2018-04-11
        assertThat(returnsByDay).hasSize(895);
        Map<String, Object> parameters = Map.of("model", "bootstrap", "historyCsv", STOCK_PRICES.toString(), "seed", 9L);
        List<String> assets = source.instruments(parameters).stream().map(Instrument::id).toList();
        assertThat(assets).containsExactly("GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT", "BAC", "GM",
                "T", "UAA", "SHLD", "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX");

        List<PriceBar> bars = source.bars(new BarRequest(assets, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31), parameters));

        int days = bars.size() / assets.size();
        assertThat(days).isEqualTo(260);
        for (int t = 1; t < days; t++) {
            double[] drawn = new double[assets.size()];
            for (int a = 0; a < assets.size(); a++) {
                drawn[a] = simpleReturn(bars.subList(a * days, (a + 1) * days), t);
            }
            assertThat(returnsByDay.values().stream().anyMatch(historical -> sameReturns(drawn, historical)))
                    .as("day %d of the path moved the assets by %s, the returns of no historical day", t, Arrays.toString(drawn))
                    .isTrue();
        }
    }

    @Test
    void aBlockBootstrapDrawsRunsOfConsecutiveHistoricalDaysWrappingRoundAtTheEnd() throws IOException {
        // closes 100, 101, 103.02, ...: day k of the sample returns k / 100, k = 1..10, so a return names its day
        StringBuilder history = new StringBuilder("date,X\n");
        double close = 100;
        history.append("2024-01-01,").append(close).append('\n');
        for (int k = 1; k <= 10; k++) {
            close *= 1 + k / 100.0;
            history.append(LocalDate.of(2024, 1, 1).plusDays(k)).append(',').append(close).append('\n');
        }
        Path file = Files.writeString(folder.resolve("steps.csv"), history);
        double[] sample = IntStream.rangeClosed(1, 10).mapToDouble(k -> k / 100.0).toArray();
        int blockLength = 4;

        List<PriceBar> bars = source.bars(new BarRequest(List.of("X"), LocalDate.of(2000, 1, 1), LocalDate.of(2000, 12, 31),
                Map.of("model", "bootstrap", "historyCsv", file.toString(), "blockLength", (long) blockLength, "seed", 2L)));

        List<Integer> drawnDays = new ArrayList<>();
        for (int t = 1; t < bars.size(); t++) {
            drawnDays.add(sampleIndex(simpleReturn(bars, t), sample));
        }
        for (int block = 0; block + blockLength <= drawnDays.size(); block += blockLength) {
            for (int i = 1; i < blockLength; i++) {
                assertThat(drawnDays.get(block + i)).isEqualTo((drawnDays.get(block + i - 1) + 1) % 10);
            }
        }
        // the starts are drawn, not fixed: they are not all the same day
        assertThat(IntStream.range(0, drawnDays.size() / blockLength).map(b -> drawnDays.get(b * blockLength)).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void theSameSeedGivesTheSameBootstrapPath() {
        Map<String, Object> parameters = Map.of("model", "bootstrap", "historyCsv", STOCK_PRICES.toString(), "seed", 4L,
                "blockLength", 5L);
        BarRequest request = new BarRequest(List.of("AAPL", "MA"), LocalDate.of(2000, 1, 1), LocalDate.of(2000, 6, 30), parameters);

        assertThat(source.bars(request)).isEqualTo(source.bars(request));
        assertThat(source.bars(new BarRequest(List.of("MA"), request.firstDay(), request.lastDay(), parameters)))
                .isEqualTo(source.bars(request).stream().filter(bar -> bar.asset().equals("MA")).toList());
    }

    private static double simpleReturn(List<PriceBar> bars, int t) {
        return bars.get(t).close().doubleValue() / bars.get(t - 1).close().doubleValue() - 1;
    }

    private static boolean sameReturns(double[] drawn, double[] historical) {
        return IntStream.range(0, drawn.length).allMatch(a -> Math.abs(drawn[a] - historical[a]) < SAME_RETURN);
    }

    private static int sampleIndex(double drawn, double[] sample) {
        for (int i = 0; i < sample.length; i++) {
            if (Math.abs(drawn - sample[i]) < SAME_RETURN) {
                return i;
            }
        }
        throw new AssertionError("return " + drawn + " is not in the sample " + Arrays.toString(sample));
    }

    /** The returns of every day on which all assets have one, read with a plain split (a second reading of the file). */
    private static Map<String, double[]> completeDayReturns(Path file) throws IOException {
        List<String[]> rows = Files.readAllLines(file).stream().skip(1).map(line -> line.split(",", -1)).toList();
        Map<String, double[]> returnsByDay = new LinkedHashMap<>();
        for (int d = 1; d < rows.size(); d++) {
            String[] today = rows.get(d);
            String[] before = rows.get(d - 1);
            double[] returns = new double[today.length - 1];
            boolean complete = true;
            for (int a = 1; a < today.length; a++) {
                complete &= !today[a].isEmpty() && !before[a].isEmpty();
                returns[a - 1] = complete ? Double.parseDouble(today[a]) / Double.parseDouble(before[a]) - 1 : Double.NaN;
            }
            if (complete) {
                returnsByDay.put(today[0], returns);
            }
        }
        return returnsByDay;
    }
}
