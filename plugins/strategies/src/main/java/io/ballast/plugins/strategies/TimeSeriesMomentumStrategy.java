package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.pf4j.Extension;

/**
 * Time-series momentum, "12-1" (Moskowitz, Ooi and Pedersen 2012): each asset against its own past.
 * One signal per asset of the universe:
 * <ul>
 *   <li>direction: the sign of the asset's return from {@code lookbackDays} to {@code skipDays}
 *       trading days ago;</li>
 *   <li>strength: that sign times {@code min(1, targetAnnualVolatility / annualVolatility)}, where
 *       {@code annualVolatility} is the sample standard deviation of the asset's simple daily returns
 *       over the whole lookback (the last {@code lookbackDays} returns) times {@code sqrt(periodsPerYear)}:
 *       the position that would run at the target volatility, capped at a full one;</li>
 *   <li>confidence: {@code 1 - p}, where {@code p} is the two-sided p-value of the one-sample t-test of
 *       the formation window's mean daily log return against zero (t = 12-1 log return / (daily
 *       standard deviation x sqrt(n)), Student's t with n - 1 degrees of freedom). A large move of a
 *       volatile asset is less distinguishable from noise than a steady one, and t measures exactly
 *       that; 1 - p maps it monotonically into [0, 1) with its usual meaning (t = 1.96 at many days
 *       gives 0.95).</li>
 * </ul>
 * The return is a total return (no risk-free rate is subtracted).
 */
@Extension
public class TimeSeriesMomentumStrategy implements Strategy {

    static final ParameterSpec TARGET_ANNUAL_VOLATILITY = ParameterSpecs.numberSpec("targetAnnualVolatility",
            "Annual volatility (fraction, 0.40 = 40%) at which a signal has full strength; a more volatile asset's strength is scaled down in proportion",
            0.40, 0.01, 2.0);

    @Override
    public String id() {
        return "time-series-momentum";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Time-series momentum (12-1): buy an asset whose return from 12 months to 1 month ago was positive, sell one whose was"
                + " negative; strength scaled by the asset's volatility, confidence from the t-statistic of the trend.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(MomentumWindow.LOOKBACK_DAYS, MomentumWindow.SKIP_DAYS, TARGET_ANNUAL_VOLATILITY, Freshness.MAX_STALE_DAYS);
    }

    @Override
    public StrategyOutput evaluate(StrategyContext context) {
        ParameterValues parameters = ParameterValues.read(this, context.parameters());
        MomentumWindow window = MomentumWindow.read(parameters);
        double targetAnnualVolatility = parameters.number(TARGET_ANNUAL_VOLATILITY.name());
        List<Signal> signals = new ArrayList<>();
        Freshness freshness = Freshness.read(parameters);
        for (String asset : context.universe()) {
            CloseSeries series = CloseSeries.of(context, asset);
            Optional<String> stale = freshness.staleness(series);
            if (stale.isPresent()) {
                signals.add(new Signal(asset, 0, 0, stale.get()));
                continue;
            }
            CloseSeries closes = series.requireAtLeast(window.requiredCloses(), id(), window.requirement());
            MomentumReturn momentum = MomentumReturn.measure(closes, window);
            double annualVolatility = new StandardDeviation().evaluate(closes.simpleReturns(window.lookbackDays(), 0))
                    * Math.sqrt(context.periodsPerYear());
            double size = annualVolatility > 0 ? Math.min(1, targetAnnualVolatility / annualVolatility) : 1;
            double strength = Math.signum(momentum.simpleReturn()) * size;
            double t = momentum.tStatistic();
            signals.add(new Signal(asset, strength, twoSidedConfidence(t, momentum.formationDays() - 1), String.format(Locale.ROOT,
                    "12-1 return %+.1f%% (%d to %d days ago), t = %.2f over %d daily returns; annual volatility %.1f%% against a %.0f%% target",
                    100 * momentum.simpleReturn(), window.lookbackDays(), window.skipDays(), t, momentum.formationDays(),
                    100 * annualVolatility, 100 * targetAnnualVolatility)));
        }
        return StrategyOutput.ofSignals(signals);
    }

    /** {@code 1 - p} of a two-sided t-test: {@code 2 F(|t|) - 1} for Student's t with {@code degreesOfFreedom}. */
    static double twoSidedConfidence(double t, int degreesOfFreedom) {
        if (Double.isInfinite(t)) {
            return 1;
        }
        // no random generator: only the distribution function is used
        double confidence = 2 * new TDistribution(null, degreesOfFreedom).cumulativeProbability(Math.abs(t)) - 1;
        return Math.clamp(confidence, 0, 1);
    }
}
