package io.ballast.platform.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole configuration, as read from one YAML file and the environment by {@link ConfigLoader}.
 * Every key, its default and its environment variable are documented in {@code samples/ballast.yaml};
 * {@link #defaults()} must stay equal to that file (a test holds them together).
 *
 * <p>Relative paths are resolved against the working directory.
 */
public record BallastConfig(
        Mode mode,
        Path dataDirectory,
        Http http,
        Store store,
        MarketData marketData,
        Rules rules,
        Plugins plugins,
        Workflow workflow,
        Security security,
        Alerts alerts,
        Monitor monitor,
        Rebalance rebalance) {

    public BallastConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(marketData, "marketData");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(rebalance, "rebalance");
    }

    public static BallastConfig defaults() {
        return new BallastConfig(
                Mode.DEVELOPMENT,
                Path.of("data"),
                new Http("127.0.0.1", 8080),
                new Store("", "sa", "", 8, Duration.ofSeconds(10)),
                new MarketData(true, 7L, 5),
                Rules.in(Path.of("rules")),
                Plugins.in(Path.of("platform/target/plugins")),
                new Workflow(
                        WorkflowMode.EMBEDDED,
                        Path.of("workflows"),
                        8,
                        new EmbeddedEngine(0),
                        new RemoteCluster("", "", new OAuth("", "", "", "", ""))),
                new Security(List.of()),
                new Alerts(List.of(new AlertChannel("log", Map.of()))),
                new Monitor(Duration.ofSeconds(5)),
                Rebalance.defaults());
    }

    /** This configuration with other HTTP settings (the CLI's {@code --port}). */
    public BallastConfig withHttp(Http otherHttp) {
        return new BallastConfig(mode, dataDirectory, otherHttp, store, marketData, rules, plugins, workflow, security, alerts, monitor, rebalance);
    }

    /** development: a random admin token is made when none is configured; production: tokens must be configured and strong. */
    public enum Mode {
        @JsonProperty("development") DEVELOPMENT,
        @JsonProperty("production") PRODUCTION
    }

    /**
     * @param host the interface to listen on; 127.0.0.1 keeps the API on this machine, 0.0.0.0 opens it to the network
     * @param port the TCP port; 0 picks a free one
     */
    public record Http(String host, int port) {
        public Http {
            requireText(host, "http.host");
            requireRange(port, 0, 65535, "http.port");
        }
    }

    /**
     * @param jdbcUrl         JDBC URL; empty means the embedded H2 file store in {@code dataDirectory}
     * @param username        database user
     * @param password        database password (set it through BALLAST_STORE_PASSWORD or BALLAST_STORE_PASSWORD_FILE)
     * @param maximumPoolSize the most pooled connections
     * @param connectTimeout  how long to wait for a connection before failing
     */
    public record Store(String jdbcUrl, String username, String password, int maximumPoolSize, Duration connectTimeout) {

        private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^;&]*");
        private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]+:)[^/@]*@");

        public Store {
            Objects.requireNonNull(jdbcUrl, "store.jdbcUrl");
            Objects.requireNonNull(username, "store.username");
            Objects.requireNonNull(password, "store.password");
            requireRange(maximumPoolSize, 1, 1000, "store.maximumPoolSize");
            requirePositive(connectTimeout, "store.connectTimeout");
            if (!jdbcUrl.isEmpty() && !jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("store.jdbcUrl must start with jdbc:h2: or jdbc:postgresql:, got " + redacted(jdbcUrl));
            }
        }

        /** A JDBC URL fit for logs and errors: a password in its parameters or its user-info part is masked. */
        public static String redacted(String jdbcUrl) {
            String masked = PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***");
            return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1***@");
        }

        @Override
        public String toString() {
            return "Store[jdbcUrl=" + redacted(jdbcUrl) + ", username=" + username + ", password=***, maximumPoolSize="
                    + maximumPoolSize + ", connectTimeout=" + connectTimeout + "]";
        }
    }

    /**
     * @param loadSampleOnFirstStart generate and store the sample universe when the store has no assets yet
     * @param sampleSeed             the random seed of the sample generator: the same seed gives the same data
     * @param sampleYears            how many years of daily bars the sample holds
     */
    public record MarketData(boolean loadSampleOnFirstStart, long sampleSeed, int sampleYears) {
        public MarketData {
            requireRange(sampleYears, 1, 50, "marketData.sampleYears");
        }
    }

    /**
     * @param directory     the folder of {@code .drl} rule files, {@code limits.yaml} and scenario tests {@code tests/*.yaml}
     * @param watchInterval how often the folder is looked at; a change is compiled, tested and put in
     *                      service once the folder stayed the same over two looks
     */
    public record Rules(Path directory, Duration watchInterval) {

        /** Two looks plus a compile and the scenarios must fit in the seconds an edit may take to go live. */
        private static final Duration MAX_WATCH_INTERVAL = Duration.ofSeconds(10);
        private static final Duration MIN_WATCH_INTERVAL = Duration.ofMillis(50);

        public Rules {
            Objects.requireNonNull(directory, "rules.directory");
            requirePositive(watchInterval, "rules.watchInterval");
            if (watchInterval.compareTo(MIN_WATCH_INTERVAL) < 0 || watchInterval.compareTo(MAX_WATCH_INTERVAL) > 0) {
                throw new IllegalArgumentException("rules.watchInterval must be between " + MIN_WATCH_INTERVAL + " and "
                        + MAX_WATCH_INTERVAL + ", got " + watchInterval);
            }
        }

        /** The defaults for a rules folder: a look every second. */
        public static Rules in(Path directory) {
            return new Rules(directory, Duration.ofSeconds(1));
        }
    }

    /**
     * @param directory             the folder of plugin jars; watched: a jar copied in is loaded, a removed one unloaded
     * @param watchInterval         how often the folder is looked at; a jar is loaded once its size and
     *                              time stamp stayed the same over two looks (so not while it is being copied)
     * @param callTimeout           how long one call into a plugin (and its start or stop) may take before it fails
     * @param failuresBeforeDisable consecutive failed or timed-out calls after which a plugin is marked FAILED and stopped
     * @param callThreads           how many plugin calls run at once; each plugin may use a quarter of them (at least one),
     *                              and a call waits for its turn without counting it against its plugin
     */
    public record Plugins(Path directory, Duration watchInterval, Duration callTimeout, int failuresBeforeDisable, int callThreads) {

        /** Two looks plus a load must fit in the 10 seconds a dropped jar may take to go live. */
        private static final Duration MAX_WATCH_INTERVAL = Duration.ofSeconds(4);
        private static final Duration MIN_WATCH_INTERVAL = Duration.ofMillis(50);

        public Plugins {
            Objects.requireNonNull(directory, "plugins.directory");
            requirePositive(watchInterval, "plugins.watchInterval");
            if (watchInterval.compareTo(MIN_WATCH_INTERVAL) < 0 || watchInterval.compareTo(MAX_WATCH_INTERVAL) > 0) {
                throw new IllegalArgumentException("plugins.watchInterval must be between " + MIN_WATCH_INTERVAL + " and "
                        + MAX_WATCH_INTERVAL + ", got " + watchInterval);
            }
            requirePositive(callTimeout, "plugins.callTimeout");
            requireRange(failuresBeforeDisable, 1, 1000, "plugins.failuresBeforeDisable");
            requireRange(callThreads, 1, 1024, "plugins.callThreads");
        }

        /** The defaults for a plugins folder: a look every second, 10 s per call, FAILED after 3 failures in a row, 16 threads. */
        public static Plugins in(Path directory) {
            return new Plugins(directory, Duration.ofSeconds(1), Duration.ofSeconds(10), 3, 16);
        }
    }

    /**
     * @param mode             embedded: the in-process Zeebe engine; remote: a Camunda 8 cluster
     * @param directory        the folder of {@code .bpmn} and {@code .form} files deployed at start
     * @param jobWorkerThreads how many jobs the platform's job workers handle at once (all job types
     *                         share them); a job blocks its thread on the store and the venue
     */
    public record Workflow(WorkflowMode mode, Path directory, int jobWorkerThreads, EmbeddedEngine embedded, RemoteCluster remote) {
        public Workflow {
            Objects.requireNonNull(mode, "workflow.mode");
            Objects.requireNonNull(directory, "workflow.directory");
            requireRange(jobWorkerThreads, 1, 256, "workflow.jobWorkerThreads");
            Objects.requireNonNull(embedded, "workflow.embedded");
            Objects.requireNonNull(remote, "workflow.remote");
        }
    }

    public enum WorkflowMode {
        @JsonProperty("embedded") EMBEDDED,
        @JsonProperty("remote") REMOTE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** @param gatewayPort the embedded engine's gRPC port on 127.0.0.1; 0 picks a free one */
    public record EmbeddedEngine(int gatewayPort) {
        public EmbeddedEngine {
            requireRange(gatewayPort, 0, 65535, "workflow.embedded.gatewayPort");
        }
    }

    /**
     * A Camunda 8 cluster (SaaS or Self-Managed 8.8+).
     *
     * @param grpcAddress the Zeebe gateway, e.g. {@code https://abc.bru-2.zeebe.camunda.io:443}
     * @param restAddress the Orchestration Cluster REST API, e.g. {@code https://bru-2.zeebe.camunda.io/abc}
     * @param oauth       client credentials; all empty for a cluster without authentication
     */
    public record RemoteCluster(String grpcAddress, String restAddress, OAuth oauth) {
        public RemoteCluster {
            Objects.requireNonNull(grpcAddress, "workflow.remote.grpcAddress");
            Objects.requireNonNull(restAddress, "workflow.remote.restAddress");
            Objects.requireNonNull(oauth, "workflow.remote.oauth");
        }
    }

    public record OAuth(String clientId, String clientSecret, String audience, String tokenUrl, String scope) {
        public OAuth {
            Objects.requireNonNull(clientId, "workflow.remote.oauth.clientId");
            Objects.requireNonNull(clientSecret, "workflow.remote.oauth.clientSecret");
            Objects.requireNonNull(audience, "workflow.remote.oauth.audience");
            Objects.requireNonNull(tokenUrl, "workflow.remote.oauth.tokenUrl");
            Objects.requireNonNull(scope, "workflow.remote.oauth.scope");
        }

        @JsonIgnore
        public boolean isConfigured() {
            return !clientId.isEmpty();
        }

        @Override
        public String toString() {
            return "OAuth[clientId=" + clientId + ", clientSecret=***, audience=" + audience + ", tokenUrl=" + tokenUrl
                    + ", scope=" + scope + "]";
        }
    }

    /** @param tokens the bearer tokens the API accepts, each with its user and roles */
    public record Security(List<AccessToken> tokens) {
        public Security {
            tokens = List.copyOf(Objects.requireNonNull(tokens, "security.tokens"));
        }
    }

    /**
     * @param token the secret a client sends as {@code Authorization: Bearer <token>}
     * @param user  who the token stands for; recorded as the actor of what it does
     * @param roles what the user may do: viewer, trader, portfolio-manager, risk-officer, admin
     */
    public record AccessToken(String token, String user, Set<String> roles) {
        public AccessToken {
            requireText(token, "security.tokens[].token");
            requireText(user, "security.tokens[].user");
            roles = Set.copyOf(Objects.requireNonNull(roles, "security.tokens[].roles"));
        }

        @Override
        public String toString() {
            return "AccessToken[user=" + user + ", roles=" + roles + ", token=***]";
        }
    }

    /** @param channels where every alert goes: alert-channel extensions and their parameters, in order */
    public record Alerts(List<AlertChannel> channels) {
        public Alerts {
            channels = List.copyOf(Objects.requireNonNull(channels, "alerts.channels"));
        }
    }

    /**
     * @param channel    the id of an alert-channel extension, e.g. {@code log} (bundled) or {@code webhook}
     * @param parameters the channel's parameters, as its extension describes them
     */
    public record AlertChannel(String channel, Map<String, Object> parameters) {
        public AlertChannel {
            requireText(channel, "alerts.channels[].channel");
            parameters = Map.copyOf(Objects.requireNonNull(parameters, "alerts.channels[].parameters"));
        }
    }

    /** @param pollInterval how often the risk monitor looks for new prices (and then evaluates every portfolio) */
    public record Monitor(Duration pollInterval) {
        public Monitor {
            requirePositive(pollInterval, "monitor.pollInterval");
        }
    }

    /**
     * The rebalance stage: the approval process's windows, the auto-approve limit, the venue that
     * executes, how proposals size and price their trades, and per-portfolio overrides.
     *
     * @param approvalWindow           how long the portfolio managers have before the task escalates to the risk officers
     * @param escalationWindow         how long the risk officers then have before the automatic decision
     * @param reminderAfter            when the portfolio managers are reminded of a task still open; less than the approval window
     * @param autoApproveNotionalLimit the largest gross notional (base currency) that executes without a person; 0 or more
     * @param venue                    the execution-venue extension id the approved trades go to
     * @param venueParameters          the venue's parameters, sent with every order (the paper venue's costs)
     * @param proposal                 how proposals size and price their trades
     * @param portfolios               per-portfolio overrides of the windows and the limit
     */
    public record Rebalance(Duration approvalWindow, Duration escalationWindow, Duration reminderAfter,
                            BigDecimal autoApproveNotionalLimit, String venue, Map<String, Object> venueParameters,
                            Proposal proposal, List<PortfolioOverride> portfolios) {

        public Rebalance {
            requirePositive(approvalWindow, "rebalance.approvalWindow");
            requirePositive(escalationWindow, "rebalance.escalationWindow");
            requirePositive(reminderAfter, "rebalance.reminderAfter");
            requireNotNegative(autoApproveNotionalLimit, "rebalance.autoApproveNotionalLimit");
            autoApproveNotionalLimit = plain(autoApproveNotionalLimit);
            requireText(venue, "rebalance.venue");
            venueParameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(venueParameters,
                    "rebalance.venueParameters")));
            Objects.requireNonNull(proposal, "rebalance.proposal");
            portfolios = List.copyOf(Objects.requireNonNull(portfolios, "rebalance.portfolios"));
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < portfolios.size(); i++) {
                if (!seen.add(portfolios.get(i).portfolioId())) {
                    throw new IllegalArgumentException("rebalance.portfolios[" + i + "].portfolioId: " + portfolios.get(i).portfolioId()
                            + " is listed twice");
                }
            }
            requireBefore(reminderAfter, approvalWindow, "rebalance.reminderAfter", "rebalance.approvalWindow");
            for (int i = 0; i < portfolios.size(); i++) {
                PortfolioOverride override = portfolios.get(i);
                requireBefore(override.reminderAfter() == null ? reminderAfter : override.reminderAfter(),
                        override.approvalWindow() == null ? approvalWindow : override.approvalWindow(),
                        "rebalance.portfolios[" + i + "].reminderAfter", "rebalance.portfolios[" + i + "].approvalWindow");
            }
        }

        public static Rebalance defaults() {
            return new Rebalance(Duration.ofHours(4), Duration.ofHours(2), Duration.ofHours(1), new BigDecimal("50000"), "paper", Map.of(),
                    Proposal.defaults(), List.of());
        }

        /** The windows and the limit that hold for {@code portfolioId}: its override's where it gives one, else these. */
        public PortfolioApproval approvalOf(String portfolioId) {
            PortfolioOverride override = portfolios.stream().filter(p -> p.portfolioId().equals(portfolioId)).findFirst().orElse(null);
            if (override == null) {
                return new PortfolioApproval(approvalWindow, escalationWindow, reminderAfter, autoApproveNotionalLimit);
            }
            return new PortfolioApproval(
                    override.approvalWindow() == null ? approvalWindow : override.approvalWindow(),
                    override.escalationWindow() == null ? escalationWindow : override.escalationWindow(),
                    override.reminderAfter() == null ? reminderAfter : override.reminderAfter(),
                    override.autoApproveNotionalLimit() == null ? autoApproveNotionalLimit : override.autoApproveNotionalLimit());
        }

        private static void requireBefore(Duration earlier, Duration later, String earlierKey, String laterKey) {
            if (earlier.compareTo(later) >= 0) {
                throw new IllegalArgumentException(earlierKey + " must be shorter than " + laterKey + " (the reminder comes while the task"
                        + " waits), got " + earlier + " and " + later);
            }
        }
    }

    /** What holds for one portfolio, after its override. */
    public record PortfolioApproval(Duration approvalWindow, Duration escalationWindow, Duration reminderAfter,
                                    BigDecimal autoApproveNotionalLimit) {
    }

    /**
     * One portfolio's windows and limit, and what proposes its rebalances by itself; a window or limit
     * left out takes the {@code rebalance} section's value.
     *
     * @param portfolioId the portfolio's id
     * @param target      what a triggered rebalance aims at; null when none is configured
     * @param triggers    the triggers that propose a rebalance by themselves; null (or all left out): none, only the API proposes
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PortfolioOverride(String portfolioId, Duration approvalWindow, Duration escalationWindow, Duration reminderAfter,
                                    BigDecimal autoApproveNotionalLimit, RebalanceTarget target, TriggerSettings triggers) {

        static final Set<String> KEYS = Set.of("portfolioId", "approvalWindow", "escalationWindow", "reminderAfter",
                "autoApproveNotionalLimit", "target", "triggers");

        /** Windows and limit only: no triggers. */
        public PortfolioOverride(String portfolioId, Duration approvalWindow, Duration escalationWindow, Duration reminderAfter,
                                 BigDecimal autoApproveNotionalLimit) {
            this(portfolioId, approvalWindow, escalationWindow, reminderAfter, autoApproveNotionalLimit, null, null);
        }

        public PortfolioOverride {
            requireText(portfolioId, "rebalance.portfolios[].portfolioId");
            String key = "rebalance.portfolios[" + portfolioId + "].";
            if (triggers != null && !triggers.isEmpty() && target == null) {
                throw new IllegalArgumentException(key + "target must be given when triggers are configured: it is what a triggered"
                        + " rebalance aims at (targetWeights, or optimizer and parameters)");
            }
            if (approvalWindow != null) {
                requirePositive(approvalWindow, key + "approvalWindow");
            }
            if (escalationWindow != null) {
                requirePositive(escalationWindow, key + "escalationWindow");
            }
            if (reminderAfter != null) {
                requirePositive(reminderAfter, key + "reminderAfter");
            }
            if (autoApproveNotionalLimit != null) {
                requireNotNegative(autoApproveNotionalLimit, key + "autoApproveNotionalLimit");
                autoApproveNotionalLimit = plain(autoApproveNotionalLimit);
            }
        }

        /** From YAML or JSON: every key but {@code portfolioId} may be left out; an unknown key is named. */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static PortfolioOverride of(Map<String, Object> entry) {
            for (String key : entry.keySet()) {
                if (!KEYS.contains(key)) {
                    throw new IllegalArgumentException("rebalance.portfolios[]: unknown key '" + key + "'; known keys here: "
                            + String.join(", ", new java.util.TreeSet<>(KEYS)));
                }
            }
            Object id = entry.get("portfolioId");
            String portfolioId = id == null ? null : id.toString();
            String key = "rebalance.portfolios[" + portfolioId + "].";
            return new PortfolioOverride(portfolioId, duration(entry, "approvalWindow", key), duration(entry, "escalationWindow", key),
                    duration(entry, "reminderAfter", key), amount(entry, "autoApproveNotionalLimit", key),
                    entry.get("target") == null ? null : RebalanceTarget.parse(entry.get("target"), key + "target"),
                    entry.get("triggers") == null ? null : TriggerSettings.parse(entry.get("triggers"), key + "triggers"));
        }

        /** Whether at least one trigger is configured. */
        @JsonIgnore
        public boolean hasTriggers() {
            return triggers != null && !triggers.isEmpty();
        }

        private static Duration duration(Map<String, Object> entry, String name, String key) {
            Object value = entry.get(name);
            if (value == null) {
                return null;
            }
            try {
                return Duration.parse(value.toString());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(key + name + " must be an ISO-8601 duration such as PT4H, got '" + value + "'");
            }
        }

        private static BigDecimal amount(Map<String, Object> entry, String name, String key) {
            Object value = entry.get(name);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.toString());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + name + " must be a number, got '" + value + "'");
            }
        }
    }

    /**
     * How a proposal sizes and prices its trades (see {@code RebalanceProposer}).
     *
     * @param minimumTradeNotional               a smaller trade is skipped (base currency); 0 or more
     * @param feeBps                             the venue's fee estimate, basis points of notional
     * @param halfSpreadBps                      half the bid-ask spread, basis points of notional
     * @param impactCoefficient                  c of the square-root impact c × daily volatility × sqrt(quantity / ADV)
     * @param twapThresholdFractionOfDailyVolume a trade above this fraction of the average daily volume is sliced
     * @param twapSliceCount                     how many slices such a trade goes in; 2 or more
     * @param benefitMultiplier                  what a unit of annual tracking-error reduction is worth paying, a fraction of NAV
     * @param equityLotSize                      the unit equity trades are rounded to
     * @param cryptoLotSize                      the unit crypto trades are rounded to
     */
    public record Proposal(BigDecimal minimumTradeNotional, double feeBps, double halfSpreadBps, double impactCoefficient,
                           double twapThresholdFractionOfDailyVolume, int twapSliceCount, double benefitMultiplier,
                           double equityLotSize, double cryptoLotSize) {

        public Proposal {
            requireNotNegative(minimumTradeNotional, "rebalance.proposal.minimumTradeNotional");
            minimumTradeNotional = plain(minimumTradeNotional);
            requireNotNegative(feeBps, "rebalance.proposal.feeBps");
            requireNotNegative(halfSpreadBps, "rebalance.proposal.halfSpreadBps");
            requireNotNegative(impactCoefficient, "rebalance.proposal.impactCoefficient");
            requirePositive(twapThresholdFractionOfDailyVolume, "rebalance.proposal.twapThresholdFractionOfDailyVolume");
            if (twapSliceCount < 2) {
                throw new IllegalArgumentException("rebalance.proposal.twapSliceCount must be 2 or more, got " + twapSliceCount);
            }
            requirePositive(benefitMultiplier, "rebalance.proposal.benefitMultiplier");
            requirePositive(equityLotSize, "rebalance.proposal.equityLotSize");
            requirePositive(cryptoLotSize, "rebalance.proposal.cryptoLotSize");
        }

        /** Trades of 100 or more, 1 bp fee, 5 bp half spread, impact 1, TWAP above 1% of ADV in 10 slices, lots of 1 share and 0.0001 coin. */
        public static Proposal defaults() {
            return new Proposal(new BigDecimal("100"), 1, 5, 1, 0.01, 10, 1, 1, 0.0001);
        }
    }

    /** Without trailing zeros and never in exponent form: 5E+4 read back through a double is 50000 again. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void requireNotNegative(BigDecimal value, String key) {
        if (value == null || value.signum() < 0) {
            throw new IllegalArgumentException(key + " must be a number, 0 or more, got " + value);
        }
    }

    private static void requireNotNegative(double value, String key) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(key + " must be a number, 0 or more, got " + value);
        }
    }

    private static void requirePositive(double value, String key) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(key + " must be a positive number, got " + value);
        }
    }

    private static void requireText(String value, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
    }

    private static void requireRange(int value, int min, int max, String key) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive ISO-8601 duration such as PT10S, got " + value);
        }
    }
}
