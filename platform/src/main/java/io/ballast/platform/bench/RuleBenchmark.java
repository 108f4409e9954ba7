package io.ballast.platform.bench;

import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.risk.RiskFacts;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code bench rules}: one evaluation of a 1,000-position portfolio with a few proposed trades
 * against every shipped rule, through Drools (a fresh stateless session from the compiled rule
 * base, as the platform evaluates) and through the same checks in plain Java, in the same run.
 */
public final class RuleBenchmark {

    static final int POSITIONS = 1_000;
    static final int TRADES = 5;
    private static final long SEED = 20_261_121L;

    private final RiskEngine engine;
    private final BenchmarkTimer timer;

    public RuleBenchmark(RiskEngine engine, BenchmarkTimer timer) {
        this.engine = engine;
        this.timer = timer;
    }

    /** Runs both, handing each figure to {@code report} as soon as it is measured. */
    public List<Measurement> run(Consumer<Measurement> report) {
        Measurements keep = new Measurements(report);
        RiskFacts facts = SyntheticRiskFacts.generate(SEED, POSITIONS, TRADES);
        PlainJavaRiskChecks plain = new PlainJavaRiskChecks(engine.limits());
        String size = "positions=" + POSITIONS + " trades=" + TRADES;
        double drools = timer.medianMillis(() -> engine.evaluate(facts));
        keep.accept(new Measurement("drools-evaluation " + size, drools, "ms"));
        double java = timer.medianMillis(() -> plain.evaluate(facts));
        keep.accept(new Measurement("plain-java-evaluation " + size, java, "ms"));
        keep.accept(new Measurement("drools-over-plain-java", drools / java, "x"));
        keep.accept(new Measurement("decisions-per-evaluation", engine.evaluate(facts).decisions().size(), "decisions"));
        keep.accept(new Measurement("rules", engine.ruleCount(), "rules"));
        return keep.all();
    }
}
