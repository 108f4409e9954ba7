package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import io.ballast.api.strategy.WeightTilt;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.pf4j.Extension;

/**
 * Cross-sectional momentum (Jegadeesh and Titman 1993): the universe ranked by the same 12-1 return
 * as {@link TimeSeriesMomentumStrategy}, winners bought with weight taken from the rest.
 * <ul>
 *   <li>legs: the best {@code k = max(1, floor(topFraction x n))} of the n assets form the long leg;
 *       with {@code shortBottom} the worst k form the short leg, otherwise every asset outside the
 *       long leg funds it. Ties keep the universe's order.</li>
 *   <li>tilts: each long asset {@code +tiltWeight / k}, each funding asset {@code -tiltWeight / m}
 *       (m the funding leg's size): the tilts sum to 0, so the portfolio stays fully invested.</li>
 *   <li>tilt confidence, from the rank spread: {@code 2 Phi(z) - 1} with
 *       {@code z = (mean log 12-1 return of the long leg - that of the funding leg) / its standard error},
 *       the standard error from each asset's own daily volatility in the formation window (as
 *       independent sums of daily returns). It says how unlikely noise alone would have opened the
 *       gap between the legs.</li>
 *   <li>signals, one per asset: strength {@code 1 - 2 (rank - 1) / (n - 1)} (the best +1, the worst -1,
 *       the middle 0); confidence {@code 2 Phi(|z_i|) - 1} with {@code z_i} the asset's log 12-1 return
 *       minus the universe's median, over the asset's own standard error.</li>
 * </ul>
 */
@Extension
public class CrossSectionalMomentumStrategy implements Strategy {

    static final ParameterSpec TOP_FRACTION = ParameterSpecs.numberSpec("topFraction",
            "Fraction of the universe, ranked by 12-1 return, in the long leg (and, with shortBottom, in the short leg); at least one asset",
            0.3, 0.01, 0.5);
    static final ParameterSpec SHORT_BOTTOM = ParameterSpecs.booleanSpec("shortBottom",
            "Short the worst topFraction of the universe; when false the long leg is funded by every other asset", false);
    static final ParameterSpec TILT_WEIGHT = ParameterSpecs.numberSpec("tiltWeight",
            "Fraction of portfolio value (0.10 = 10%) moved into the long leg in total, split equally, and taken equally from the funding leg",
            0.10, 0.0, 1.0);

    @Override
    public String id() {
        return "cross-sectional-momentum";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Cross-sectional momentum: rank the universe by its 12-1 month return, tilt target weights towards the top fraction"
                + " (optionally short the bottom); confidence from the spread between the legs.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(MomentumWindow.LOOKBACK_DAYS, MomentumWindow.SKIP_DAYS, TOP_FRACTION, SHORT_BOTTOM, TILT_WEIGHT, Freshness.MAX_STALE_DAYS);
    }

    @Override
    public StrategyOutput evaluate(StrategyContext context) {
        ParameterValues parameters = ParameterValues.read(this, context.parameters());
        MomentumWindow window = MomentumWindow.read(parameters);
        double topFraction = parameters.number(TOP_FRACTION.name());
        boolean shortBottom = parameters.flag(SHORT_BOTTOM.name());
        double tiltWeight = parameters.number(TILT_WEIGHT.name());
        Freshness freshness = Freshness.read(parameters);
        // an asset whose last close is stale is left out of the ranking: its 12-1 return covers another period
        List<Signal> leftOut = new ArrayList<>();
        List<String> universe = new ArrayList<>();
        List<CloseSeries> series = new ArrayList<>();
        for (String asset : context.universe()) {
            CloseSeries closes = CloseSeries.of(context, asset);
            Optional<String> stale = freshness.staleness(closes);
            if (stale.isPresent()) {
                leftOut.add(new Signal(asset, 0, 0, "left out of the ranking: " + stale.get()));
            } else {
                universe.add(asset);
                series.add(closes);
            }
        }
        int n = universe.size();
        if (n < 2) {
            throw new IllegalArgumentException("universe has " + n + " asset with a recent close (of " + context.universe().size()
                    + "); " + id() + " ranks at least 2" + (leftOut.isEmpty() ? "" : "; " + leftOut.getFirst().rationale()));
        }
        List<MomentumReturn> momenta = series.stream()
                .map(closes -> MomentumReturn.measure(closes.requireAtLeast(window.requiredCloses(), id(), window.requirement()), window))
                .toList();
        // best first; a stable sort keeps the universe's order among equal returns
        List<Integer> ranked = IntStream.range(0, n).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> momenta.get(i).simpleReturn()).reversed())
                .toList();
        // the small epsilon keeps 0.3 x 10 = 3 from landing on 2.9999...
        int legSize = Math.max(1, (int) Math.floor(topFraction * n + 1e-9));
        List<Integer> longLeg = ranked.subList(0, legSize);
        List<Integer> fundingLeg = shortBottom ? ranked.subList(n - legSize, n) : ranked.subList(legSize, n);
        double confidence = confidence(spreadZ(momenta, longLeg, fundingLeg));

        List<WeightTilt> tilts = new ArrayList<>();
        longLeg.forEach(i -> tilts.add(new WeightTilt(universe.get(i), tiltWeight / longLeg.size(), confidence)));
        fundingLeg.forEach(i -> tilts.add(new WeightTilt(universe.get(i), -tiltWeight / fundingLeg.size(), confidence)));

        double medianLogReturn = new Median().evaluate(momenta.stream().mapToDouble(MomentumReturn::logReturn).toArray());
        List<Signal> signals = new ArrayList<>();
        for (int rank = 0; rank < n; rank++) {
            int i = ranked.get(rank);
            MomentumReturn momentum = momenta.get(i);
            double z = MomentumReturn.standardizedDistance(momentum.logReturn() - medianLogReturn, momentum.standardError());
            String leg = longLeg.contains(i) ? "long leg" : shortBottom && fundingLeg.contains(i) ? "short leg"
                    : shortBottom ? "no leg" : "funding leg";
            signals.add(new Signal(universe.get(i), 1 - 2.0 * rank / (n - 1), confidence(z), String.format(Locale.ROOT,
                    "12-1 return %+.1f%%, rank %d of %d (%s); %.2f standard errors from the median",
                    100 * momentum.simpleReturn(), rank + 1, n, leg, z)));
        }
        signals.addAll(leftOut);
        return new StrategyOutput(signals, List.of(), tilts, Optional.empty());
    }

    /** The gap between the legs' mean log 12-1 returns over its standard error. */
    private static double spreadZ(List<MomentumReturn> momenta, List<Integer> longLeg, List<Integer> fundingLeg) {
        double gap = meanLogReturn(momenta, longLeg) - meanLogReturn(momenta, fundingLeg);
        return MomentumReturn.standardizedDistance(gap, Math.sqrt(varianceOfMean(momenta, longLeg) + varianceOfMean(momenta, fundingLeg)));
    }

    private static double meanLogReturn(List<MomentumReturn> momenta, List<Integer> leg) {
        return leg.stream().mapToDouble(i -> momenta.get(i).logReturn()).average().orElseThrow();
    }

    /** The variance of a leg's mean log return, its assets taken as independent. */
    private static double varianceOfMean(List<MomentumReturn> momenta, List<Integer> leg) {
        double sumOfVariances = leg.stream().mapToDouble(i -> Math.pow(momenta.get(i).standardError(), 2)).sum();
        return sumOfVariances / ((double) leg.size() * leg.size());
    }

    /** {@code 2 Phi(|z|) - 1 = erf(|z| / sqrt 2)}: the share of a standard normal closer to 0 than z. */
    static double confidence(double z) {
        return Erf.erf(Math.abs(z) / Math.sqrt(2));
    }
}
