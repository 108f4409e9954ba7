package io.ballast.platform.risk;

import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskDecisions;
import io.ballast.api.risk.RiskLimits;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.health.ComponentHealth;
import io.ballast.platform.problem.FailureMessages;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The risk stage: the DRL files of the rules directory, compiled into one Drools rule base, judge
 * facts such as {@link io.ballast.api.risk.PositionRisk} and report {@link RiskDecision}s through
 * the global {@code decisions}.
 *
 * <p>Live: once {@linkplain #start started}, the folder is watched. A change is compiled, every
 * scenario of {@code tests/*.yaml} is run on it, and only when all of that passed does it replace the
 * rule base in service, in one write. Otherwise the rule base in service goes on deciding, and the
 * failure is logged, shown in {@link #health()} and {@link #status()}, and passed to the listener.
 *
 * <p>Thread-safe: every evaluation runs in its own stateless session made from the shared,
 * immutable compiled rule base it read once, so it sees one version from start to end.
 */
public final class RiskEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RiskEngine.class);

    /**
     * How long a candidate's scenarios may run together: the shipped ones take milliseconds, so a
     * candidate still running after this has a rule that does not finish, and is refused.
     */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private static final Comparator<RiskDecision> DECISION_ORDER = Comparator
            .comparing(RiskDecision::rule)
            .thenComparing(decision -> decision.subject().kind())
            .thenComparing(decision -> decision.subject().id())
            .thenComparing(RiskDecision::action)
            .thenComparing(RiskDecision::message);

    /**
     * The rule base in service and the last reload attempt, in one immutable value: a reload replaces
     * both with one write, so an evaluation never sees the rules of one version labelled with another
     * and the status never shows an attempt beside rules it did not leave in service.
     */
    private record RulesState(CompiledRules active, Optional<ReloadAttempt> lastAttempt) {
    }

    private final Path directory;
    private final Clock clock;
    private final Consumer<ReloadAttempt> onReload;
    private final Duration checkTimeout;
    /** Guarded by {@code this}: reloads run one at a time. */
    private final RulesFolderWatch watch;
    private volatile RulesState state;
    private ScheduledExecutorService watchThread;

    private RiskEngine(Path directory, Clock clock, Consumer<ReloadAttempt> onReload, Duration checkTimeout, RulesFolderWatch.Stamp stamp,
                       CompiledRules active) {
        this.directory = directory;
        this.clock = clock;
        this.onReload = onReload;
        this.checkTimeout = checkTimeout;
        this.watch = new RulesFolderWatch(directory, stamp);
        this.state = new RulesState(active, Optional.empty());
    }

    /**
     * Compiles every {@code .drl} file below {@code rulesDirectory} (recursively, in path order) with
     * its {@code limits.yaml} and runs every scenario of {@code tests/*.yaml} on it; does not watch.
     *
     * @throws StartupException when the directory is missing or holds no {@code .drl} file, a file
     *         does not compile (the message names the file, the line and the compiler's message), or a
     *         scenario fails or does not finish within 30 seconds (the message names its file
     *         and name and what differed)
     */
    public static RiskEngine load(Path rulesDirectory) {
        return load(rulesDirectory, Clock.systemUTC());
    }

    static RiskEngine load(Path rulesDirectory, Clock clock) {
        return load(rulesDirectory, clock, attempt -> { });
    }

    static RiskEngine load(Path rulesDirectory, Clock clock, Consumer<ReloadAttempt> onReload) {
        return load(rulesDirectory, clock, onReload, CHECK_TIMEOUT);
    }

    /** @param checkTimeout how long a candidate's scenarios may run together, at start and at every reload and validation */
    static RiskEngine load(Path rulesDirectory, Clock clock, Consumer<ReloadAttempt> onReload, Duration checkTimeout) {
        Objects.requireNonNull(rulesDirectory, "rulesDirectory");
        Objects.requireNonNull(onReload, "onReload");
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        RulesFolderWatch.Stamp stamp = RulesFolderWatch.stampOf(rulesDirectory);
        CandidateCheck check;
        try {
            check = CandidateCheck.of(RuleFiles.read(rulesDirectory), clock.instant(), checkTimeout);
        } catch (RuleFileException refused) {
            throw new StartupException(refused.getMessage(), refused);
        }
        if (!check.passed()) {
            List<String> problems = check.problems(rulesDirectory);
            problems.forEach(problem -> log.warn("Risk rules refused: {}", problem));
            throw new StartupException(problems.size() == 1 ? problems.getFirst()
                    : problems.getFirst() + " (and " + (problems.size() - 1) + " more problems in the log)");
        }
        CompiledRules compiled = check.rules().orElseThrow();
        log.info("Risk rules version {} active: {} rules from {} files in {}, {} scenarios passed",
                compiled.version(), compiled.ruleCount(), compiled.files().size(), rulesDirectory, check.scenarios().size());
        return new RiskEngine(rulesDirectory, clock, onReload, checkTimeout, stamp, compiled);
    }

    /**
     * {@link #load(Path) Loads} the rules folder, then watches it every {@code rules.watchInterval}.
     *
     * @param onReload told of every reload attempt and its outcome (activated, unchanged or rejected),
     *                 on the thread that made it; what it throws is logged and ignored
     * @throws StartupException as {@link #load(Path)}
     */
    public static RiskEngine start(BallastConfig.Rules settings, Consumer<ReloadAttempt> onReload) {
        return start(settings, Clock.systemUTC(), onReload);
    }

    static RiskEngine start(BallastConfig.Rules settings, Clock clock, Consumer<ReloadAttempt> onReload) {
        RiskEngine engine = load(settings.directory(), clock, onReload);
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread watching = new Thread(runnable, "ballast-rules-watch");
            watching.setDaemon(true);
            return watching;
        });
        long interval = settings.watchInterval().toNanos();
        thread.scheduleWithFixedDelay(engine::look, interval, interval, TimeUnit.NANOSECONDS);
        synchronized (engine) {
            engine.watchThread = thread;
        }
        log.info("Risk rules folder {} watched every {}", settings.directory(), settings.watchInterval());
        return engine;
    }

    /**
     * Runs the rules over {@code facts}, with the rule base's limits, in a fresh session and returns
     * what they decided.
     */
    public RiskEvaluation evaluate(RiskFacts facts) {
        Objects.requireNonNull(facts, "facts");
        CompiledRules rules = state.active();
        return evaluate(rules, rules.limits(), facts);
    }

    /** The rules over {@code facts} with {@code limits} in place of the rule base's own (a scenario pinning its thresholds). */
    static RiskEvaluation evaluate(CompiledRules rules, RiskLimits limits, RiskFacts facts) {
        List<Object> inserted = new ArrayList<>(facts.positions().size() + facts.trades().size() + 2);
        inserted.add(limits);
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

    /**
     * Reads the folder now and puts it in service if it compiles and passes its scenarios; otherwise
     * keeps the rule base in service. Either way the attempt is recorded, logged and passed to the listener.
     *
     * @return the status after the attempt
     */
    public RulesStatus reloadNow() {
        reload();
        return status();
    }

    /**
     * Compiles the rules folder as it is, with some files replaced or added, and runs every scenario
     * on it; puts nothing in service.
     *
     * @param contentByRelativePath file text by path below the folder: a {@code .drl} file,
     *                              {@code limits.yaml} or {@code tests/<name>.yaml}
     * @throws IllegalArgumentException for a path that is none of these
     */
    public RuleBaseValidation validate(Map<String, String> contentByRelativePath) {
        RuleFiles files;
        try {
            files = RuleFiles.read(directory);
        } catch (StartupException unreadable) {
            return new RuleBaseValidation(false, null, List.of(new RuleFileError("", 0, unreadable.getMessage())), List.of());
        }
        return CandidateCheck.of(files.withReplacements(contentByRelativePath), clock.instant(), checkTimeout).validation();
    }

    /** The rule base in service and the last reload attempt. */
    public RulesStatus status() {
        RulesState current = state;
        CompiledRules rules = current.active();
        return new RulesStatus(directory.toString(), rules.version(), rules.activatedAt(), rules.files(), rules.rulesByFile(),
                rules.ruleCount(), rules.limits().values(), current.lastAttempt());
    }

    /** The content hash of the rule files in service: 12 hex digits, the same for the same files. */
    public String version() {
        return state.active().version();
    }

    /** The thresholds of {@code limits.yaml} in service, inserted into every evaluation. */
    public RiskLimits limits() {
        return state.active().limits();
    }

    public int ruleCount() {
        return state.active().ruleCount();
    }

    /**
     * UP while a rule base is in service, even when the last reload was rejected: the rules in service
     * still protect every decision, and a DOWN here would make {@code /health} answer 503, which takes
     * the instance out of service (and with it the protection) over an edit nobody made live. The
     * rejected attempt shows in {@code lastReload}, with every problem.
     */
    public ComponentHealth health() {
        RulesState current = state;
        CompiledRules rules = current.active();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("directory", directory.toString());
        details.put("version", rules.version());
        details.put("activatedAt", rules.activatedAt().toString());
        details.put("ruleCount", rules.ruleCount());
        details.put("files", rules.files());
        current.lastAttempt().ifPresent(attempt -> {
            Map<String, Object> lastReload = new LinkedHashMap<>();
            lastReload.put("at", attempt.at().toString());
            lastReload.put("candidateVersion", attempt.candidateVersion());
            lastReload.put("outcome", attempt.outcome().name());
            lastReload.put("problems", problems(attempt));
            details.put("lastReload", lastReload);
        });
        return ComponentHealth.up(details);
    }

    /** Stops watching the folder; the rules in service go on deciding. Idempotent. */
    @Override
    public synchronized void close() {
        if (watchThread != null) {
            watchThread.shutdownNow();
            watchThread = null;
        }
    }

    /** One look of the watch; caught, or the scheduler would silently stop looking. */
    private void look() {
        try {
            synchronized (this) {
                if (watch.look().isPresent()) {
                    reload();
                }
            }
        } catch (RuntimeException | LinkageError e) {
            log.warn("Risk rules folder {}: the watch failed this look: {}", directory, FailureMessages.causeChain(e), e);
        }
    }

    private synchronized ReloadAttempt reload() {
        // stamped before it is read: a save after this is seen by the next look and reloaded again
        watch.handled(RulesFolderWatch.stampOf(directory));
        CandidateCheck check = CandidateCheck.ofFolder(directory, clock.instant(), checkTimeout);
        Instant at = clock.instant();
        CompiledRules active = state.active();
        ReloadAttempt attempt;
        if (!check.passed()) {
            attempt = new ReloadAttempt(at, check.version(), ReloadOutcome.REJECTED, check.errors(), check.failedScenarios());
            log.warn("Risk rules in {} rejected (candidate version {}); version {} stays in service:", directory,
                    check.version(), active.version());
            check.problems(directory).forEach(problem -> log.warn("Risk rules rejected: {}", problem));
        } else if (check.version().equals(active.version())) {
            attempt = new ReloadAttempt(at, check.version(), ReloadOutcome.UNCHANGED, List.of(), List.of());
            log.info("Risk rules in {} unchanged: version {} stays in service", directory, active.version());
        } else {
            String previous = active.version();
            active = check.rules().orElseThrow().activatedAt(at);
            attempt = new ReloadAttempt(at, check.version(), ReloadOutcome.ACTIVATED, List.of(), List.of());
            log.info("Risk rules version {} active in place of {}: {} rules from {} files, {} scenarios passed",
                    active.version(), previous, active.ruleCount(), active.files().size(), check.scenarios().size());
        }
        state = new RulesState(active, Optional.of(attempt)); // the one write that puts a new version in service
        try {
            onReload.accept(attempt);
        } catch (RuntimeException e) {
            log.warn("The listener of risk rule reloads failed on {}: {}", attempt.outcome(), FailureMessages.causeChain(e), e);
        }
        return attempt;
    }

    private List<String> problems(ReloadAttempt attempt) {
        List<String> problems = new ArrayList<>();
        attempt.errors().forEach(error -> problems.add(error.describe(directory)));
        attempt.failedScenarios().forEach(failed -> problems.add(failed.describe(directory)));
        return problems;
    }
}
