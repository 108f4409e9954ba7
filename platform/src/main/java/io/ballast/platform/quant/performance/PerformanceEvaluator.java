package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.AlignedReturns;
import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.Beta;
import io.ballast.platform.quant.risk.Drawdown;
import io.ballast.platform.quant.risk.ObservedReturns;
import io.ballast.platform.quant.risk.TrackingError;
import io.ballast.platform.quant.risk.Volatility;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The entry point for performance statistics: computes a {@link PerformanceStatistics} from a
 * periodic return series ({@code NaN} = missing, at least two non-missing returns) and, when
 * given, a benchmark series over the same periods. Each figure's convention is on its class.
 */
public final class PerformanceEvaluator {

    private PerformanceEvaluator() {
    }

    public static PerformanceStatistics evaluate(double[] returns, PerformanceSettings settings) {
        return evaluate(returns, null, settings);
    }

    /** @param benchmarkReturns one per period of {@code returns}, or null for no benchmark */
    public static PerformanceStatistics evaluate(double[] returns, double[] benchmarkReturns, PerformanceSettings settings) {
        double[] observed = ObservedReturns.of(returns, "returns", 2).values();
        Annualisation annualisation = settings.annualisation();
        Map<String, String> unavailable = new LinkedHashMap<>();
        Double sharpe = present(SharpeRatio.of(observed, settings.annualRiskFreeRate(), annualisation), "sharpeRatio",
                "the returns do not vary (volatility is 0)", unavailable);
        Double sortino = present(SortinoRatio.of(observed, settings.annualTargetReturn(), annualisation), "sortinoRatio",
                "no period returned less than the target (downside deviation is 0)", unavailable);
        Double calmar = present(CalmarRatio.of(observed, annualisation), "calmarRatio", "the series never fell below a peak",
                unavailable);
        Double profitFactor = present(ProfitFactor.of(observed), "profitFactor", "no period lost", unavailable);
        BenchmarkRelativeStatistics relative = benchmarkReturns == null ? null
                : relative(AlignedReturns.of(returns, benchmarkReturns), settings, unavailable);
        return new PerformanceStatistics(observed.length, settings.periodsPerYear(), settings.annualRiskFreeRate(),
                settings.annualTargetReturn(), CompoundReturn.total(observed), CompoundReturn.annualised(observed, annualisation),
                Volatility.annual(observed, annualisation), sharpe,
                DownsideDeviation.annual(observed, settings.annualTargetReturn(), annualisation), sortino,
                Drawdown.maximum(observed), calmar, WinRate.of(observed), profitFactor, relative,
                Collections.unmodifiableMap(unavailable));
    }

    private static BenchmarkRelativeStatistics relative(AlignedReturns aligned, PerformanceSettings settings,
            Map<String, String> unavailable) {
        Annualisation annualisation = settings.annualisation();
        Double beta = present(Beta.of(aligned), "benchmarkRelative.beta", "the benchmark does not move", unavailable);
        Double informationRatio = present(InformationRatio.of(aligned, annualisation), "benchmarkRelative.informationRatio",
                "the series matches the benchmark every period (tracking error is 0)", unavailable);
        Double treynor = present(TreynorRatio.of(aligned, settings.annualRiskFreeRate(), annualisation),
                "benchmarkRelative.treynorRatio", "beta is 0 or undefined", unavailable);
        Double alpha = present(JensensAlpha.annual(aligned, settings.annualRiskFreeRate(), annualisation),
                "benchmarkRelative.annualJensensAlpha", "beta is undefined (the benchmark does not move)", unavailable);
        return new BenchmarkRelativeStatistics(aligned.count(), beta, TrackingError.annual(aligned, annualisation),
                informationRatio, treynor, alpha);
    }

    private static Double present(OptionalDouble value, String field, String reason, Map<String, String> unavailable) {
        if (value.isEmpty()) {
            unavailable.put(field, reason);
            return null;
        }
        return value.getAsDouble();
    }
}
