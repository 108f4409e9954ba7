package io.ballast.plugins.marketdata.synthetic;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Bootstrap of historical returns: each trading day moves every asset by its return on one day of
 * the sample, {@code close_t = close_(t-1) * (1 + r)}. Days are drawn with replacement in blocks of
 * {@code blockLength} consecutive sample days, a block starting on a uniformly drawn day and
 * wrapping round from the last day to the first (the circular block bootstrap of Politis and
 * Romano, 1992); a block length of 1 draws every day independently. One Well19937c generator
 * seeded by the seed draws the days, so every asset sees the same days whichever assets are asked for.
 *
 * @param sample      the historical returns
 * @param blockLength consecutive sample days a draw takes, at least 1
 * @param seed        the seed
 */
record HistoricalBootstrap(ReturnSample sample, int blockLength, long seed) implements PriceModel {

    @Override
    public List<String> assets() {
        return sample.assets();
    }

    @Override
    public DailyGrowth start(List<String> chosen) {
        int[] columns = chosen.stream().mapToInt(asset -> sample.assets().indexOf(asset)).toArray();
        DayDraws draws = new DayDraws(new Well19937c(new int[] {(int) (seed >>> 32), (int) seed}), sample.days().size(), blockLength);
        return growth -> {
            double[] returns = sample.returnsByDay()[draws.next()];
            for (int i = 0; i < columns.length; i++) {
                growth[i] = 1 + returns[columns[i]];
            }
        };
    }

    /** The sample day of each next step: a new uniformly drawn start every {@code blockLength} steps, consecutive days between. */
    private static final class DayDraws {

        private final RandomGenerator generator;
        private final int days;
        private final int blockLength;
        private int day;
        private int leftInBlock;

        DayDraws(RandomGenerator generator, int days, int blockLength) {
            this.generator = generator;
            this.days = days;
            this.blockLength = blockLength;
        }

        int next() {
            if (leftInBlock == 0) {
                day = generator.nextInt(days);
                leftInBlock = blockLength;
            } else {
                day = (day + 1) % days;
            }
            leftInBlock--;
            return day;
        }
    }
}
