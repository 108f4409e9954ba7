package io.ballast.platform.bench;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.risk.PortfolioRisk;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.ProposedTrade;
import io.ballast.api.risk.VolatilityRegime;
import io.ballast.platform.risk.RiskFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random portfolio for the rules benchmark and for comparing the rules with their plain
 * Java baseline: positions with gains and losses, some margined, a few large; portfolio figures
 * drawn around the shipped thresholds, so that across seeds every shipped rule fires and stays quiet.
 */
public final class SyntheticRiskFacts {

    private static final String PORTFOLIO = "synthetic";
    private static final List<String> SECTORS = List.of("Technology", "Financials", "Energy", "Health Care", "Industrials",
            "Utilities", "Materials", "Consumer", "Crypto", PositionRisk.UNCLASSIFIED_SECTOR);

    private SyntheticRiskFacts() {
    }

    public static RiskFacts generate(long seed, int positionCount, int tradeCount) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PositionRisk> positions = new ArrayList<>(positionCount);
        for (int i = 0; i < positionCount; i++) {
            boolean isShort = random.nextDouble() < 0.1;
            double entry = round2(random.nextDouble(5, 500));
            double last = round2(entry * (1 + 0.06 * random.nextGaussian()));
            double quantity = (isShort ? -1 : 1) * (1 + random.nextInt(1_000));
            PositionRisk position = PositionRisk.ofPrices(PORTFOLIO, "A" + i, quantity, entry, Math.max(last, 0.01));
            // about half the positions had a better price since entry than both entry and last
            double best = isShort ? Math.min(entry, position.lastPrice()) : Math.max(entry, position.lastPrice());
            double peak = random.nextBoolean() ? best : round2(isShort ? best * (1 - random.nextDouble(0.2)) : best * (1 + random.nextDouble(0.2)));
            double size = random.nextDouble() < 0.02 ? random.nextDouble(0.08, 0.16) : random.nextDouble(0.0002, 0.002);
            position = position.withSector(SECTORS.get(random.nextInt(SECTORS.size())))
                    .withPeakPriceSinceEntry(Math.max(peak, 0.01))
                    .withWeight((isShort ? -1 : 1) * size);
            if (random.nextDouble() < 0.1) {
                double leverage = 2 + random.nextInt(4);
                double liquidation = round2(position.lastPrice() * (isShort ? 1 + random.nextDouble(0.02, 0.3) : 1 - random.nextDouble(0.02, 0.3)));
                position = position.withMargin(leverage, liquidation);
            }
            positions.add(position);
        }
        double nav = 1_000_000;
        double peakNav = round2(nav / (1 - random.nextDouble(0, 0.25)));
        double var95 = random.nextDouble() < 0.2 ? Double.NaN : random.nextDouble(0.01, 0.05);
        double gross = round2(nav * random.nextDouble(0.8, 2.6));
        double herfindahl = positions.stream().mapToDouble(p -> p.weight() * p.weight()).sum() * random.nextDouble(0.5, 8);
        double dailyPnl = round2(-nav * random.nextDouble(-0.05, 0.2));
        PortfolioRisk portfolio = new PortfolioRisk(PORTFOLIO, nav, Math.max(peakNav, nav), var95, var95 * 1.2, var95 * 1.4, var95 * 1.6,
                gross, round2(gross * 0.8), herfindahl, dailyPnl, VolatilityRegime.NORMAL);
        List<ProposedTrade> trades = new ArrayList<>(tradeCount);
        for (int t = 0; t < tradeCount; t++) {
            PositionRisk position = positions.get(random.nextInt(positions.size()));
            double change = random.nextDouble(-0.1, 0.25) * Math.signum(position.weight());
            double resulting = position.weight() + change;
            OrderSide side = change > 0 ? OrderSide.BUY : OrderSide.SELL;
            double quantity = 1 + random.nextInt(500);
            // the trades move the sector by -15 to +10 points: both a growing and a hedged sector over the limit occur
            double resultingSectorWeight = random.nextDouble(-0.1, 0.45);
            double currentSectorWeight = resultingSectorWeight - random.nextDouble(-0.1, 0.15);
            trades.add(new ProposedTrade("t" + t, PORTFOLIO, position.asset(), position.sector(), side, quantity,
                    round2(quantity * position.lastPrice()), position.weight(), resulting, currentSectorWeight,
                    resultingSectorWeight, random.nextDouble(0.8, 2.6)));
        }
        return RiskFacts.of(portfolio, positions, trades);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
