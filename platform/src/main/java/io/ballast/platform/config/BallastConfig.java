package io.ballast.platform.config;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.time.Duration;
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
        Monitor monitor) {

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
                        new EmbeddedEngine(0),
                        new RemoteCluster("", "", new OAuth("", "", "", "", ""))),
                new Security(List.of()),
                new Alerts(List.of(new AlertChannel("log", Map.of()))),
                new Monitor(Duration.ofSeconds(5)));
    }

    /** This configuration with other HTTP settings (the CLI's {@code --port}). */
    public BallastConfig withHttp(Http otherHttp) {
        return new BallastConfig(mode, dataDirectory, otherHttp, store, marketData, rules, plugins, workflow, security, alerts, monitor);
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
     * @param mode      embedded: the in-process Zeebe engine; remote: a Camunda 8 cluster
     * @param directory the folder of {@code .bpmn} and {@code .form} files deployed at start
     */
    public record Workflow(WorkflowMode mode, Path directory, EmbeddedEngine embedded, RemoteCluster remote) {
        public Workflow {
            Objects.requireNonNull(mode, "workflow.mode");
            Objects.requireNonNull(directory, "workflow.directory");
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
