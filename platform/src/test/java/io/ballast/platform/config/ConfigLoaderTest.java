package io.ballast.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final Path SAMPLE = Path.of("..", "samples", "ballast.yaml");

    private final ConfigLoader loader = new ConfigLoader();

    @TempDir
    Path dir;

    @Test
    void theDocumentedSampleFileHoldsExactlyTheDefaults() {
        assertThat(loader.load(Optional.of(SAMPLE), Map.of())).isEqualTo(BallastConfig.defaults());
    }

    @Test
    void theSampleFileNamesEveryKeyWithItsEnvironmentVariable() throws IOException {
        Set<String> keys = new TreeSet<>();
        recordKeys(BallastConfig.class, "", keys);
        Map<String, String> documented = documentedVariables(Files.readAllLines(SAMPLE));

        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        documented.forEach((key, variable) ->
                assertThat(variable).as("the variable documented for %s", key).isEqualTo(ConfigLoader.environmentVariable(key)));
    }

    /** Every leaf key of the config records, by path: independent of how the loader walks them. */
    private static void recordKeys(Class<?> type, String prefix, Set<String> keys) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + component.getName();
            if (component.getType().isRecord()) {
                recordKeys(component.getType(), key + ".", keys);
            } else {
                keys.add(key);
            }
        }
    }

    /** {@code key: value   # BALLAST_...} lines of the sample, by key path (from the indentation). */
    private static Map<String, String> documentedVariables(List<String> lines) {
        Pattern keyLine = Pattern.compile("^( *)([A-Za-z]+):(.*)$");
        Pattern variable = Pattern.compile("#\\s*(BALLAST_[A-Z_]+)");
        Map<String, String> documented = new TreeMap<>();
        List<String> path = new ArrayList<>();
        for (String line : lines) {
            Matcher key = keyLine.matcher(line);
            if (!key.matches()) {
                continue;
            }
            int depth = key.group(1).length() / 2;
            path.subList(depth, path.size()).clear();
            path.add(key.group(2));
            Matcher documentedVariable = variable.matcher(key.group(3));
            if (documentedVariable.find()) {
                documented.put(String.join(".", path), documentedVariable.group(1));
            }
        }
        return documented;
    }

    @Test
    void noFileAndNoEnvironmentGivesTheDefaults() {
        assertThat(loader.load(Optional.empty(), Map.of())).isEqualTo(BallastConfig.defaults());
    }

    @Test
    void anEmptyFileGivesTheDefaults() throws IOException {
        assertThat(loader.load(Optional.of(write("")), Map.of())).isEqualTo(BallastConfig.defaults());
    }

    @Test
    void theFileOverridesDefaultsKeyByKeyAndKeepsTheRest() throws IOException {
        BallastConfig config = loader.load(Optional.of(write("http:\n  port: 9090\n")), Map.of());

        assertThat(config.http().port()).isEqualTo(9090);
        assertThat(config.http().host()).isEqualTo("127.0.0.1");
        assertThat(config.store()).isEqualTo(BallastConfig.defaults().store());
    }

    @Test
    void theEnvironmentWinsOverTheFile() throws IOException {
        BallastConfig config = loader.load(Optional.of(write("http:\n  port: 9090\n")),
                Map.of("BALLAST_HTTP_PORT", "9191", "BALLAST_STORE_JDBC_URL", "jdbc:postgresql://db:5432/ballast",
                        "BALLAST_MARKET_DATA_LOAD_SAMPLE_ON_FIRST_START", "false",
                        "BALLAST_STORE_CONNECT_TIMEOUT", "PT3S", "BALLAST_WORKFLOW_DIRECTORY", "/srv/flows"));

        assertThat(config.http().port()).isEqualTo(9191);
        assertThat(config.store().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/ballast");
        assertThat(config.marketData().loadSampleOnFirstStart()).isFalse();
        assertThat(config.store().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(config.workflow().directory()).isEqualTo(Path.of("/srv/flows"));
    }

    @Test
    void environmentVariableNamesFollowTheKeyPath() {
        assertThat(ConfigLoader.environmentVariable("store.jdbcUrl")).isEqualTo("BALLAST_STORE_JDBC_URL");
        assertThat(ConfigLoader.environmentVariable("workflow.remote.oauth.clientSecret"))
                .isEqualTo("BALLAST_WORKFLOW_REMOTE_OAUTH_CLIENT_SECRET");
        assertThat(ConfigLoader.environmentVariable("mode")).isEqualTo("BALLAST_MODE");
    }

    @Test
    void aSecretCanComeFromAFileNamedByTheEnvironment() throws IOException {
        Path secret = dir.resolve("db-password");
        Files.writeString(secret, "s3cret\n");

        BallastConfig config = loader.load(Optional.empty(), Map.of("BALLAST_STORE_PASSWORD_FILE", secret.toString()));

        assertThat(config.store().password()).isEqualTo("s3cret");
        assertThat(config.store().toString()).doesNotContain("s3cret");
    }

    @Test
    void tokensCanBeGivenAsJsonInTheEnvironment() {
        BallastConfig config = loader.load(Optional.empty(), Map.of("BALLAST_SECURITY_TOKENS",
                "[{\"token\":\"t-1\",\"user\":\"alice\",\"roles\":[\"portfolio-manager\",\"viewer\"]}]"));

        assertThat(config.security().tokens()).containsExactly(
                new BallastConfig.AccessToken("t-1", "alice", Set.of("portfolio-manager", "viewer")));
    }

    @Test
    void alertChannelsAndTheMonitorIntervalAreRead() throws IOException {
        Path file = write("alerts:\n  channels:\n    - channel: webhook\n      parameters: {url: 'https://chat.example/hook'}\n"
                + "monitor:\n  pollInterval: PT30S\n");

        BallastConfig config = loader.load(Optional.of(file), Map.of("BALLAST_ALERTS_CHANNELS",
                "[{\"channel\":\"log\",\"parameters\":{}},{\"channel\":\"email\",\"parameters\":{\"to\":\"risk@example.com\"}}]"));

        assertThat(config.alerts().channels()).containsExactly(new BallastConfig.AlertChannel("log", Map.of()),
                new BallastConfig.AlertChannel("email", Map.of("to", "risk@example.com")));
        assertThat(config.monitor().pollInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(loader.load(Optional.of(file), Map.of()).alerts().channels()).containsExactly(
                new BallastConfig.AlertChannel("webhook", Map.of("url", "https://chat.example/hook")));
    }

    @Test
    void aZeroMonitorIntervalAndABlankChannelAreNamed() throws IOException {
        Path zero = write("monitor:\n  pollInterval: PT0S\n");
        assertThatThrownBy(() -> loader.load(Optional.of(zero), Map.of()))
                .hasMessageContaining("monitor.pollInterval must be a positive ISO-8601 duration");

        Path blank = write("alerts:\n  channels: [{channel: ' ', parameters: {}}]\n"); // the same file, rewritten
        assertThatThrownBy(() -> loader.load(Optional.of(blank), Map.of()))
                .hasMessageContaining("alerts.channels[].channel must not be empty");
    }

    @Test
    void theRebalanceSectionComesFromTheFileAndTheEnvironmentWithPerPortfolioOverrides() throws IOException {
        Path file = write("rebalance:\n  approvalWindow: PT8H\n  venueParameters: {slippageBps: 10, feeBps: 5}\n"
                + "  proposal:\n    feeBps: 2.5\n    cryptoLotSize: 0.001\n"
                + "  portfolios: [{portfolioId: p-1, escalationWindow: PT30M, autoApproveNotionalLimit: 1000}]\n");

        BallastConfig config = loader.load(Optional.of(file), Map.of(
                "BALLAST_REBALANCE_AUTO_APPROVE_NOTIONAL_LIMIT", "75000.50",
                "BALLAST_REBALANCE_PROPOSAL_HALF_SPREAD_BPS", "7.5"));

        BallastConfig.Rebalance rebalance = config.rebalance();
        assertThat(rebalance.approvalWindow()).isEqualTo(java.time.Duration.ofHours(8));
        assertThat(rebalance.escalationWindow()).isEqualTo(java.time.Duration.ofHours(2));
        assertThat(rebalance.autoApproveNotionalLimit()).isEqualByComparingTo("75000.50");
        assertThat(rebalance.venueParameters()).isEqualTo(Map.of("slippageBps", 10, "feeBps", 5));
        assertThat(rebalance.proposal().feeBps()).isEqualTo(2.5);
        assertThat(rebalance.proposal().halfSpreadBps()).isEqualTo(7.5);
        assertThat(rebalance.proposal().cryptoLotSize()).isEqualTo(0.001);
        // p-1: its own escalation window and limit, the section's approval window and reminder
        assertThat(rebalance.approvalOf("p-1")).isEqualTo(new BallastConfig.PortfolioApproval(java.time.Duration.ofHours(8),
                java.time.Duration.ofMinutes(30), java.time.Duration.ofHours(1), new java.math.BigDecimal("1000")));
        assertThat(rebalance.approvalOf("p-2")).isEqualTo(new BallastConfig.PortfolioApproval(java.time.Duration.ofHours(8),
                java.time.Duration.ofHours(2), java.time.Duration.ofHours(1), new java.math.BigDecimal("75000.5")));
        // a free-form mapping can come whole from the environment too
        assertThat(loader.load(Optional.empty(), Map.of("BALLAST_REBALANCE_VENUE_PARAMETERS", "{minimumFee: 1}")).rebalance()
                .venueParameters()).isEqualTo(Map.of("minimumFee", 1));
    }

    @Test
    void badRebalanceSettingsAreNamed() throws IOException {
        Path reminderLate = write("rebalance:\n  reminderAfter: PT5H\n");
        assertThatThrownBy(() -> loader.load(Optional.of(reminderLate), Map.of()))
                .hasMessageContaining("rebalance.reminderAfter must be shorter than rebalance.approvalWindow");
        Path negative = write("rebalance:\n  autoApproveNotionalLimit: -1\n");
        assertThatThrownBy(() -> loader.load(Optional.of(negative), Map.of()))
                .hasMessageContaining("rebalance.autoApproveNotionalLimit must be a number, 0 or more, got -1");
        Path slices = write("rebalance:\n  proposal:\n    twapSliceCount: 1\n");
        assertThatThrownBy(() -> loader.load(Optional.of(slices), Map.of()))
                .hasMessageContaining("rebalance.proposal.twapSliceCount must be 2 or more, got 1");
        Path window = write("rebalance:\n  portfolios: [{portfolioId: p-1, approvalWindow: four hours}]\n");
        assertThatThrownBy(() -> loader.load(Optional.of(window), Map.of()))
                .hasMessageContaining("rebalance.portfolios[p-1].approvalWindow must be an ISO-8601 duration such as PT4H, got 'four hours'");
        Path unknown = write("rebalance:\n  portfolios: [{portfolioId: p-1, window: PT1H}]\n");
        assertThatThrownBy(() -> loader.load(Optional.of(unknown), Map.of()))
                .hasMessageContaining("rebalance.portfolios[]: unknown key 'window'");
        Path twice = write("rebalance:\n  portfolios: [{portfolioId: p-1}, {portfolioId: p-1}]\n");
        assertThatThrownBy(() -> loader.load(Optional.of(twice), Map.of()))
                .hasMessageContaining("rebalance.portfolios[1].portfolioId: p-1 is listed twice");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_REBALANCE_PROPOSAL_FEE_BPS", "one")))
                .hasMessageContaining("environment BALLAST_REBALANCE_PROPOSAL_FEE_BPS: rebalance.proposal.feeBps: must be a number, got 'one'");
    }

    @Test
    void aPortfolioTakesATargetAndTriggersEachOfWhichMayBeLeftOut() throws IOException {
        Path file = write("rebalance:\n  portfolios:\n"
                + "    - portfolioId: p-1\n"
                + "      target: {targetWeights: {AAA: 0.6, BBB: 0.4}}\n"
                + "      triggers:\n"
                + "        calendar: {dayOfMonth: 31, zone: Europe/London}\n"
                + "        drift: {absoluteToleranceFraction: 0.05}\n"
                + "        volatilitySpike: {shortWindow: 20, longWindow: 120, ratioThreshold: 1.5}\n"
                + "        drawdown: {levelFraction: 0.1}\n"
                + "        correlationSpike: {shortWindow: 20, longWindow: 120, increaseThreshold: 0.2}\n"
                + "        coolDown: PT6H\n"
                + "    - portfolioId: p-2\n"
                + "      target: {optimizer: max-sharpe, parameters: {riskAversion: 3}}\n"
                + "      triggers: {calendar: {everyDays: 30}}\n"
                + "    - portfolioId: p-3\n"
                + "      approvalWindow: PT8H\n"
                + "    - portfolioId: p-4\n"
                + "      target: {targetWeights: {AAA: 0.6, BBB: 0.3, CASH: 0.1}}\n");

        List<BallastConfig.PortfolioOverride> portfolios = loader.load(Optional.of(file), Map.of()).rebalance().portfolios();

        assertThat(portfolios.get(0).target()).isEqualTo(new RebalanceTarget(Map.of("AAA", 0.6, "BBB", 0.4), "", Map.of()));
        assertThat(portfolios.get(0).triggers()).isEqualTo(new TriggerSettings(
                new TriggerSettings.Calendar(null, 31, java.time.ZoneId.of("Europe/London")),
                new TriggerSettings.Drift(0.05, null),
                new TriggerSettings.VolatilitySpike(20, 120, 1.5),
                new TriggerSettings.Drawdown(0.1),
                new TriggerSettings.CorrelationSpike(20, 120, 0.2),
                java.time.Duration.ofHours(6)));
        assertThat(portfolios.get(1).target()).isEqualTo(new RebalanceTarget(Map.of(), "max-sharpe", Map.of("riskAversion", 3)));
        assertThat(portfolios.get(1).triggers()).isEqualTo(new TriggerSettings(new TriggerSettings.Calendar(30, null, null),
                null, null, null, null));
        assertThat(portfolios.get(1).hasTriggers()).isTrue();
        assertThat(portfolios.get(1).triggers().coolDown()).as("left out: a day").isEqualTo(java.time.Duration.ofDays(1));
        assertThat(portfolios.get(2).target()).isNull();
        assertThat(portfolios.get(2).hasTriggers()).isFalse();
        // CASH is the cash's weight, in the sum: 0.6 + 0.3 + 0.1 = 1
        assertThat(portfolios.get(3).target()).isEqualTo(new RebalanceTarget(Map.of("AAA", 0.6, "BBB", 0.3, "CASH", 0.1), "", Map.of()));
    }

    @Test
    void badTargetsAndTriggersAreNamedByTheirKey() throws IOException {
        Map<String, String> problemByOverride = new java.util.LinkedHashMap<>();
        problemByOverride.put("triggers: {drawdown: {levelFraction: 0.1}}",
                "rebalance.portfolios[p-1].target must be given when triggers are configured");
        problemByOverride.put("target: {targetWeights: {AAA: 0.5}}",
                "rebalance.portfolios[p-1].target.targetWeights must add up to 1, got 0.5");
        problemByOverride.put("target: {targetWeights: {AAA: 0.5, CASH: 0.25}}",
                "rebalance.portfolios[p-1].target.targetWeights must add up to 1, got 0.75");
        problemByOverride.put("target: {targetWeights: {AAA: 1.25, CASH: -0.25}}",
                "rebalance.portfolios[p-1].target.targetWeights.CASH is the fraction of the value to keep in cash and must not be negative, got -0.25");
        problemByOverride.put("target: {targetWeights: {AAA: 1}, optimizer: equal-weight}",
                "rebalance.portfolios[p-1].target must give either targetWeights or optimizer, not both");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {calendar: {everyDays: 0}}",
                "rebalance.portfolios[p-1].triggers.calendar.everyDays must be at least 1, got 0");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {calendar: {dayOfMonth: 1, zone: Mars/Olympus}}",
                "rebalance.portfolios[p-1].triggers.calendar.zone must be a time zone such as Europe/London or UTC, got 'Mars/Olympus'");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {drift: {}}",
                "rebalance.portfolios[p-1].triggers.drift must give absoluteToleranceFraction, relativeToleranceFraction or both");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {drift: {relativeToleranceFraction: -0.1}}",
                "rebalance.portfolios[p-1].triggers.drift.relativeToleranceFraction must be a positive number, got -0.1");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {volatilitySpike: {shortWindow: 20, longWindow: 20, ratioThreshold: 2}}",
                "rebalance.portfolios[p-1].triggers.volatilitySpike.longWindow must be longer than shortWindow (20), got 20");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {volatilitySpike: {shortWindow: 5, longWindow: 20}}",
                "rebalance.portfolios[p-1].triggers.volatilitySpike.ratioThreshold must be given");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {drawdown: {levelFraction: ten}}",
                "rebalance.portfolios[p-1].triggers.drawdown.levelFraction must be a number, got 'ten'");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {correlationSpike: {shortWindow: 2.5, longWindow: 60, increaseThreshold: 0.2}}",
                "rebalance.portfolios[p-1].triggers.correlationSpike.shortWindow must be a whole number, got 2.5");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {correlationSpike: {shortWindow: 2, longWindow: 60, increaseThreshold: 0.2}}",
                "rebalance.portfolios[p-1].triggers.correlationSpike.shortWindow must be at least 3 periods, got 2");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {drawdown: {levelFraction: 0.1}, coolDown: a day}",
                "rebalance.portfolios[p-1].triggers.coolDown must be an ISO-8601 duration such as P1D or PT6H, got 'a day'");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {drawdown: {levelFraction: 0.1}, coolDown: -PT1H}",
                "rebalance.portfolios[p-1].triggers.coolDown must be zero (no cool-down) or more, got PT-1H");
        problemByOverride.put("target: {optimizer: equal-weight}\n      triggers: {volatility: {shortWindow: 5}}",
                "rebalance.portfolios[p-1].triggers: unknown key 'volatility'");
        for (Map.Entry<String, String> entry : problemByOverride.entrySet()) {
            Path file = write("rebalance:\n  portfolios:\n    - portfolioId: p-1\n      " + entry.getKey() + "\n");
            assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of())).as(entry.getKey())
                    .hasMessageContaining(entry.getValue());
        }
    }

    @Test
    void anUnknownKeyInTheFileIsNamed() throws IOException {
        Path file = write("http:\n  prot: 9090\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": unknown key 'http.prot'; known keys here: http.host, http.port");
    }

    @Test
    void anUnknownKeyInsideAListEntryIsNamed() throws IOException {
        Path file = write("security:\n  tokens:\n    - token: abc\n      user: bob\n      roles: [viewer]\n      role: admin\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .hasMessage(file + ": security.tokens[0].role: unknown key");
    }

    @Test
    void anUnknownBallastVariableIsNamed() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_HTTP_PROT", "1", "PATH", "/bin")))
                .hasMessageStartingWith("environment BALLAST_HTTP_PROT: no config key is set by this variable");
    }

    @Test
    void aPortOutOfRangeIsNamedWithItsValue() throws IOException {
        Path file = write("http:\n  port: 70000\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .hasMessage(file + ": http.port must be between 0 and 65535, got 70000");
    }

    @Test
    void aPortThatIsNotANumberIsNamed() throws IOException {
        Path file = write("http:\n  port: eighty\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .hasMessageStartingWith(file + ": http.port: ");
    }

    @Test
    void aBadNumberInTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_HTTP_PORT", "80a")))
                .hasMessage("environment BALLAST_HTTP_PORT: http.port: must be a whole number, got '80a'");
    }

    @Test
    void aBadBooleanInTheEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_MARKET_DATA_LOAD_SAMPLE_ON_FIRST_START", "yes")))
                .hasMessage("environment BALLAST_MARKET_DATA_LOAD_SAMPLE_ON_FIRST_START: marketData.loadSampleOnFirstStart: must be true or false, got 'yes'");
    }

    @Test
    void thePluginSettingsComeFromTheFileAndTheEnvironment() throws IOException {
        BallastConfig config = loader.load(Optional.of(write("plugins:\n  watchInterval: PT0.5S\n  callTimeout: PT30S\n")),
                Map.of("BALLAST_PLUGINS_FAILURES_BEFORE_DISABLE", "5", "BALLAST_PLUGINS_CALL_THREADS", "4"));

        assertThat(config.plugins()).isEqualTo(new BallastConfig.Plugins(Path.of("platform/target/plugins"),
                Duration.ofMillis(500), Duration.ofSeconds(30), 5, 4));
    }

    @Test
    void theRulesWatchIntervalComesFromTheFileOrTheEnvironmentAndDefaultsToOneSecond() throws IOException {
        assertThat(loader.load(Optional.empty(), Map.of()).rules())
                .isEqualTo(new BallastConfig.Rules(Path.of("rules"), Duration.ofSeconds(1)));
        assertThat(loader.load(Optional.of(write("rules:\n  watchInterval: PT0.2S\n")), Map.of()).rules().watchInterval())
                .isEqualTo(Duration.ofMillis(200));
        assertThat(loader.load(Optional.empty(), Map.of("BALLAST_RULES_WATCH_INTERVAL", "PT10S")).rules().watchInterval())
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aRulesWatchIntervalOutOfRangeIsNamedWithItsValue() throws IOException {
        Path slowWatch = write("rules:\n  watchInterval: PT11S\n");
        assertThatThrownBy(() -> loader.load(Optional.of(slowWatch), Map.of()))
                .hasMessage(slowWatch + ": rules.watchInterval must be between PT0.05S and PT10S, got PT11S");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_RULES_WATCH_INTERVAL", "PT0.01S")))
                .hasMessage("config: rules.watchInterval must be between PT0.05S and PT10S, got PT0.01S");
    }

    @Test
    void pluginSettingsOutOfRangeAreNamedWithTheirValue() throws IOException {
        Path slowWatch = write("plugins:\n  watchInterval: PT10S\n");
        assertThatThrownBy(() -> loader.load(Optional.of(slowWatch), Map.of()))
                .hasMessage(slowWatch + ": plugins.watchInterval must be between PT0.05S and PT4S, got PT10S");

        Path noTimeout = write("plugins:\n  callTimeout: PT0S\n");
        assertThatThrownBy(() -> loader.load(Optional.of(noTimeout), Map.of()))
                .hasMessage(noTimeout + ": plugins.callTimeout must be a positive ISO-8601 duration such as PT10S, got PT0S");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_PLUGINS_FAILURES_BEFORE_DISABLE", "0")))
                .hasMessage("config: plugins.failuresBeforeDisable must be between 1 and 1000, got 0");
    }

    @Test
    void jobWorkerThreadsAreEightUnlessSetAndOutOfRangeIsNamed() throws IOException {
        assertThat(loader.load(Optional.empty(), Map.of()).workflow().jobWorkerThreads()).isEqualTo(8);
        assertThat(loader.load(Optional.of(write("workflow:\n  jobWorkerThreads: 3\n")), Map.of()).workflow().jobWorkerThreads())
                .isEqualTo(3);
        assertThat(loader.load(Optional.empty(), Map.of("BALLAST_WORKFLOW_JOB_WORKER_THREADS", "256")).workflow().jobWorkerThreads())
                .isEqualTo(256);

        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_WORKFLOW_JOB_WORKER_THREADS", "0")))
                .hasMessage("config: workflow.jobWorkerThreads must be between 1 and 256, got 0");
        Path tooMany = write("workflow:\n  jobWorkerThreads: 257\n");
        assertThatThrownBy(() -> loader.load(Optional.of(tooMany), Map.of()))
                .hasMessage(tooMany + ": workflow.jobWorkerThreads must be between 1 and 256, got 257");
    }

    @Test
    void aBadDurationIsNamed() throws IOException {
        Path file = write("store:\n  connectTimeout: 10s\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .hasMessage(file + ": store.connectTimeout: must be an ISO-8601 duration such as PT10S");
    }

    @Test
    void aBadModeListsTheAllowedValues() throws IOException {
        Path file = write("mode: prod\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .hasMessage(file + ": mode: must be one of development, production");
    }

    @Test
    void aFileThatIsNotYamlIsNamedWithItsLine() throws IOException {
        Path file = write("http:\n  port: 8080\n bad: [\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .hasMessage(file + ": not valid YAML at line 3, column 2: expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> loader.load(Optional.of(missing), Map.of()))
                .hasMessage(missing + ": no such config file");
    }

    @Test
    void aMappingWhereAValueBelongsIsRefused() throws IOException {
        Path file = write("http: 8080\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .hasMessage(file + ": http: must be a mapping of keys, got number");
    }

    @Test
    void anUnknownRoleIsNamed() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_SECURITY_TOKENS",
                "[{token: abc, user: bob, roles: [viewer, superuser]}]")))
                .hasMessage("config: security.tokens: the token of user bob: unknown role 'superuser'; known roles: "
                        + "viewer, trader, portfolio-manager, risk-officer, admin");
    }

    @Test
    void aTokenGivenTwiceIsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_SECURITY_TOKENS",
                "[{token: same-secret, user: ann, roles: [viewer]}, {token: same-secret, user: bob, roles: [admin]}]")))
                .hasMessage("config: security.tokens: users ann and bob have the same token; every token must be different")
                .hasMessageNotContaining("same-secret");
    }

    @Test
    void productionModeRefusesToStartWithoutTokens() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_MODE", "production")))
                .hasMessage("config: security.tokens: production mode needs at least one token; none is made up for you");
    }

    @Test
    void productionModeRefusesAShortToken() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_MODE", "production",
                "BALLAST_SECURITY_TOKENS", "[{token: short-token, user: bob, roles: [admin]}]")))
                .hasMessage("config: security.tokens[0].token: production mode needs tokens of at least 32 characters"
                        + " (this one, of user bob, has 11)");
    }

    @Test
    void productionModeAcceptsLongTokens() {
        String token = "k".repeat(32);

        BallastConfig config = loader.load(Optional.empty(), Map.of("BALLAST_MODE", "production",
                "BALLAST_SECURITY_TOKENS", "[{token: " + token + ", user: ops, roles: [admin]}]"));

        assertThat(config.mode()).isEqualTo(BallastConfig.Mode.PRODUCTION);
        assertThat(config.security().tokens()).hasSize(1);
    }

    @Test
    void remoteModeNeedsTheClusterAddresses() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("BALLAST_WORKFLOW_MODE", "remote")))
                .hasMessage("config: workflow.remote.grpcAddress: must be set when workflow.mode is remote");
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("ballast.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
