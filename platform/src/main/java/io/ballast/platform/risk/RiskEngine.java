package io.ballast.platform.risk;

import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskDecisions;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.health.ComponentHealth;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk stage: the DRL files of the rules directory, compiled into one Drools rule base, judge
 * facts such as {@link io.ballast.api.risk.PositionRisk} and report {@link RiskDecision}s through
 * the global {@code decisions}.
 *
 * <p>Thread-safe: every evaluation runs in its own stateless session made from the shared,
 * immutable compiled rule base.
 */
public final class RiskEngine {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    private static final Comparator<RiskDecision> DECISION_ORDER = Comparator
            .comparing(RiskDecision::rule)
            .thenComparing(decision -> decision.subject().kind())
            .thenComparing(decision -> decision.subject().id())
            .thenComparing(RiskDecision::action)
            .thenComparing(RiskDecision::message);

    private final Path directory;
    /*
     * The rule base in service: compiled rules and their version in one immutable value, so that a
     * reload replaces both with one write and an evaluation never sees the rules of one version
     * labelled with another.
     */
    private volatile CompiledRules active;

    private RiskEngine(Path directory, CompiledRules active) {
        this.directory = directory;
        this.active = active;
    }

    /**
     * Compiles every {@code .drl} file below {@code rulesDirectory} (recursively, in path order).
     *
     * @throws StartupException when the directory is missing or holds no {@code .drl} file, or a
     *         file does not compile (the message names the file, the line and the compiler's message)
     */
    public static RiskEngine load(Path rulesDirectory) {
        return load(rulesDirectory, Clock.systemUTC());
    }

    static RiskEngine load(Path rulesDirectory, Clock clock) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory");
        CompiledRules compiled = CompiledRules.compile(RuleFiles.read(rulesDirectory), clock.instant());
        log.info("Risk rules version {} active: {} rules from {} files in {}",
                compiled.version(), compiled.ruleCount(), compiled.files().size(), rulesDirectory);
        return new RiskEngine(rulesDirectory, compiled);
    }

    /**
     * Runs the rules over {@code facts}, with the rule base's limits, in a fresh session and returns
     * what they decided.
     */
    public RiskEvaluation evaluate(RiskFacts facts) {
        Objects.requireNonNull(facts, "facts");
        CompiledRules rules = active;
        List<Object> inserted = new ArrayList<>(facts.positions().size() + facts.trades().size() + 2);
        inserted.add(rules.limits());
        facts.portfolio().ifPresent(inserted::add);
        inserted.addAll(facts.positions());
        inserted.addAll(facts.trades());
        return evaluate(rules, inserted);
    }

    static RiskEvaluation evaluate(CompiledRules rules, List<Object> facts) {
        List<RiskDecision> decisions = new ArrayList<>();
        StatelessKieSession session = rules.kieBase().newStatelessKieSession();
        // the session runs on this thread only: a plain list is safe
        RiskDecisions collector = decision -> decisions.add(Objects.requireNonNull(decision, "a rule added a null decision"));
        session.setGlobal(CompiledRules.DECISIONS_GLOBAL, collector);
        session.execute(facts);
        decisions.sort(DECISION_ORDER);
        return new RiskEvaluation(rules.version(), decisions);
    }

    /** The content hash of the rule files in service: 12 hex digits, the same for the same files. */
    public String version() {
        return active.version();
    }

    /** When the rules in service were compiled and put in service. */
    public Instant activatedAt() {
        return active.activatedAt();
    }

    /** The thresholds of {@code limits.yaml} in service, inserted into every evaluation. */
    public io.ballast.api.risk.RiskLimits limits() {
        return active.limits();
    }

    public int ruleCount() {
        return active.ruleCount();
    }

    /** The rule files in service, relative to the rules directory, with {@code /} separators. */
    public List<String> files() {
        return active.files();
    }

    public ComponentHealth health() {
        CompiledRules rules = active;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("directory", directory.toString());
        details.put("version", rules.version());
        details.put("activatedAt", rules.activatedAt().toString());
        details.put("ruleCount", rules.ruleCount());
        details.put("files", rules.files());
        return ComponentHealth.up(details);
    }
}
