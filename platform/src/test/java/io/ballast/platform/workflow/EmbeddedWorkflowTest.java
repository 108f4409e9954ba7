package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.config.BallastConfig.EmbeddedEngine;
import io.ballast.platform.config.BallastConfig.Workflow;
import io.ballast.platform.health.ComponentHealth;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.ErrorType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflow stage on the real in-process Zeebe engine: one engine for the whole class. */
class EmbeddedWorkflowTest {

    /** The repository's workflows/ folder; surefire runs in platform/. */
    private static final Path REPO_WORKFLOWS = Path.of("..", "workflows");

    private static final RiskDecision STOP_LOSS = RiskDecision.reduce(
            "stop-loss", Severity.WARNING, 0.5, RiskSubject.asset("BTC"), "BTC is 8.0% below its average entry price");
    private static final RiskDecision CONCENTRATION = RiskDecision.of(
            "concentration", Severity.CRITICAL, RiskAction.NEEDS_APPROVAL, RiskSubject.portfolio("P-1"),
            "ETH is 42% of the portfolio, above the 25% limit");

    private static final PortfolioRiskCheck FAKE_RULES = portfolioId -> switch (portfolioId) {
        case "P-1" -> new RiskCheckOutcome("rules@3", List.of(STOP_LOSS, CONCENTRATION));
        case "P-CALM" -> new RiskCheckOutcome("rules@3", List.of());
        case "P-FAULTY" -> throw new IllegalStateException("rules not compiled");
        default -> throw new UnknownPortfolioException(portfolioId);
    };

    private static WorkflowRuntime runtime;
    private static WorkflowDeployment deployment;

    @BeforeAll
    static void startEngine() {
        runtime = WorkflowRuntime.start(embeddedConfig(0));
        deployment = runtime.deploy(REPO_WORKFLOWS);
        runtime.openWorker(RiskEvaluationWorker.JOB_TYPE, RiskEvaluationWorker.FETCH_VARIABLES,
                RiskEvaluationWorker.JOB_TIMEOUT, new RiskEvaluationWorker(FAKE_RULES));
    }

    @AfterAll
    static void stopEngine() {
        runtime.close();
    }

    static Workflow embeddedConfig(int gatewayPort) {
        Workflow defaults = BallastConfig.defaults().workflow();
        return new Workflow(BallastConfig.WorkflowMode.EMBEDDED, REPO_WORKFLOWS, defaults.jobWorkerThreads(), new EmbeddedEngine(gatewayPort),
                defaults.remote());
    }

    @Test
    void deploysTheRepositoryProcessAsItsFirstVersion() {
        assertThat(deployment.processVersions()).containsEntry("portfolio-risk-check", 1);
        assertThat(runtime.deployment().processVersions()).containsEntry("portfolio-risk-check", 1);
        assertThat(runtime.mode()).isEqualTo("embedded");
    }

    @Test
    void riskCheckProcessReturnsTheDecisionsOfTheRules() {
        RiskCheckResult result = new RiskCheckProcess(runtime.client(), Duration.ofSeconds(10)).run("P-1");

        assertThat(result.processInstanceKey()).isPositive();
        assertThat(result.outcome()).isEqualTo(new RiskCheckOutcome("rules@3", List.of(STOP_LOSS, CONCENTRATION)));
    }

    @Test
    void workerCompletesTheJobWithJsonFriendlyVariables() {
        ProcessInstanceResult result = runtime.client().newCreateInstanceCommand()
                .bpmnProcessId("portfolio-risk-check").latestVersion()
                .variables(Map.of("portfolioId", "P-1"))
                .withResult().requestTimeout(Duration.ofSeconds(10))
                .send().join();

        Map<String, Object> variables = result.getVariablesAsMap();
        assertThat(variables).containsEntry("portfolioId", "P-1").containsEntry("rulesVersion", "rules@3");
        assertThat(variables.get("decisions")).isEqualTo(List.of(
                Map.of("rule", "stop-loss", "severity", "WARNING", "action", "REDUCE", "reduceFraction", 0.5,
                        "subject", Map.of("kind", "ASSET", "id", "BTC"),
                        "message", "BTC is 8.0% below its average entry price"),
                Map.of("rule", "concentration", "severity", "CRITICAL", "action", "NEEDS_APPROVAL",
                        "subject", Map.of("kind", "PORTFOLIO", "id", "P-1"),
                        "message", "ETH is 42% of the portfolio, above the 25% limit")));
    }

    @Test
    void portfolioWithoutDecisionsGivesAnEmptyList() {
        RiskCheckResult result = new RiskCheckProcess(runtime.client(), Duration.ofSeconds(10)).run("P-CALM");

        assertThat(result.outcome()).isEqualTo(new RiskCheckOutcome("rules@3", List.of()));
    }

    @Test
    void unknownPortfolioEndsOnTheRejectedPathAtOnce() {
        RiskCheckProcess process = new RiskCheckProcess(runtime.client(), Duration.ofSeconds(10));

        assertThatThrownBy(() -> process.run("P-404"))
                .isInstanceOf(UnknownPortfolioException.class)
                .hasMessage("no portfolio with id P-404");
    }

    @Test
    void missingPortfolioIdRaisesAnIncidentWithoutRetries() {
        ProcessInstanceEvent instance = runtime.client().newCreateInstanceCommand()
                .bpmnProcessId("portfolio-risk-check").latestVersion()
                .send().join();

        IncidentRecordValue incident = awaitIncident(instance.getProcessInstanceKey());
        assertThat(incident.getErrorType()).isEqualTo(ErrorType.JOB_NO_RETRIES);
        assertThat(incident.getElementId()).isEqualTo("EvaluateRiskRules");
        assertThat(incident.getErrorMessage()).isEqualTo("job variable portfolioId must be a non-empty string, got null");
    }

    @Test
    void failingRulesAreRetriedThenWaitAsAnIncident() {
        ProcessInstanceEvent instance = runtime.client().newCreateInstanceCommand()
                .bpmnProcessId("portfolio-risk-check").latestVersion()
                .variables(Map.of("portfolioId", "P-FAULTY"))
                .send().join();

        IncidentRecordValue incident = awaitIncident(instance.getProcessInstanceKey());
        assertThat(incident.getErrorType()).isEqualTo(ErrorType.JOB_NO_RETRIES);
        assertThat(incident.getErrorMessage())
                .isEqualTo("risk check of portfolio P-FAULTY failed: java.lang.IllegalStateException: rules not compiled");
        // 3 retries in the BPMN: two failures with retries left before the one that raises the incident
        assertThat(jobFailures(instance.getProcessInstanceKey())).isEqualTo(3);
    }

    @Test
    void riskCheckThatDoesNotFinishInTimeFailsWithTheTimeoutInTheMessage() {
        RiskCheckProcess process = new RiskCheckProcess(runtime.client(), Duration.ofMillis(500));
        long started = System.nanoTime();

        assertThatThrownBy(() -> process.run("P-FAULTY"))
                .isInstanceOf(RiskCheckFailedException.class)
                .hasMessage("risk check of portfolio P-FAULTY did not finish within PT0.5S;"
                        + " a failing risk evaluation waits as an incident of process portfolio-risk-check");
        // 0.5 s plus the 1 s allowed for the gateway's own answer, not the client's 10 s deadline offset
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void emptyPortfolioIdIsRefusedBeforeTheEngineIsAsked() {
        RiskCheckProcess process = new RiskCheckProcess(runtime.client(), Duration.ofSeconds(10));

        assertThatThrownBy(() -> process.run(" "))
                .isInstanceOf(io.ballast.platform.problem.InvalidInputException.class)
                .hasMessage("portfolioId: must not be empty");
    }

    @Test
    void healthReportsTheEngineAndWhatIsDeployed() {
        ComponentHealth health = runtime.health();

        assertThat(health.up()).isTrue();
        assertThat(health.details())
                .containsEntry("mode", "embedded")
                .containsEntry("brokers", 1)
                .containsEntry("partitions", 1)
                .containsEntry("gatewayAddress", runtime.client().getConfiguration().getGrpcAddress().toString());
        assertThat(health.details().get("processes")).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) health.details().get("processes")).get("portfolio-risk-check")).isEqualTo(1);
    }

    @Test
    void gatewayListensOnLoopbackOnly() throws IOException {
        int port = runtime.client().getConfiguration().getGrpcAddress().getPort();
        assertThat(runtime.client().getConfiguration().getGrpcAddress().getHost()).isEqualTo("127.0.0.1");
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            assertThat(loopback.isConnected()).isTrue();
        }

        Optional<InetAddress> external = nonLoopbackAddress();
        assumeThat(external).as("this machine has no non-loopback address to try the gateway port on").isPresent();
        try (Socket outside = new Socket()) {
            assertThatThrownBy(() -> outside.connect(new InetSocketAddress(external.get(), port), 2000))
                    .as("the gateway port on %s", external.get())
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void brokenBpmnFileIsNamedAndNothingIsDeployed(@TempDir Path folder) throws IOException {
        Files.copy(REPO_WORKFLOWS.resolve("portfolio-risk-check.bpmn"), folder.resolve("a-good.bpmn"));
        Files.createDirectories(folder.resolve("approval"));
        // a service task without a job type: well-formed XML that the engine rejects
        Files.writeString(folder.resolve("approval/broken.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="broken-process" isExecutable="true">
                    <bpmn:startEvent id="start" />
                    <bpmn:serviceTask id="task" />
                  </bpmn:process>
                </bpmn:definitions>
                """);
        WorkflowDeployment before = runtime.deployment();

        assertThatThrownBy(() -> runtime.deploy(folder))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith(folder.resolve("approval/broken.bpmn") + ": deployment rejected: ")
                .hasMessageContaining("'approval/broken.bpmn': - Element: task - ERROR: Must have exactly one 'zeebe:taskDefinition' extension element")
                .hasMessageNotContaining("\n");
        assertThat(runtime.deployment()).isEqualTo(before);
    }

    @Test
    void formsAreDeployedAndKeptBesideTheProcesses(@TempDir Path folder) throws IOException {
        // only the form: a second copy of the shared engine's process would become its version 2 for the other tests
        Files.writeString(folder.resolve("approve-trade.form"), """
                {
                  "id": "approve-trade",
                  "type": "default",
                  "schemaVersion": 16,
                  "executionPlatform": "Camunda Cloud",
                  "executionPlatformVersion": "8.8.0",
                  "components": [
                    {"id": "comment", "key": "comment", "label": "Comment", "type": "textfield"},
                    {"id": "approved", "key": "approved", "label": "Approve", "type": "checkbox"}
                  ]
                }
                """);

        WorkflowDeployment forms = runtime.deploy(folder);

        assertThat(forms.formVersions()).containsExactly(Map.entry("approve-trade", 1));
        assertThat(runtime.deployment().formVersions()).containsEntry("approve-trade", 1);
        assertThat(runtime.deployment().processVersions()).containsEntry("portfolio-risk-check", 1);
    }

    @Test
    void fileThatIsNotXmlIsNamed(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("notes.bpmn"), "this is not BPMN");

        assertThatThrownBy(() -> runtime.deploy(folder))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith(folder.resolve("notes.bpmn") + ": deployment rejected: ")
                .hasMessageContaining("'notes.bpmn': Fatal Error: URI=null Line=1: Content is not allowed in prolog.")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFolderIsNamed(@TempDir Path parent) {
        Path missing = parent.resolve("no-such-workflows");

        assertThatThrownBy(() -> runtime.deploy(missing))
                .isInstanceOf(StartupException.class)
                .hasMessage("workflow.directory: " + missing.toAbsolutePath().normalize() + " does not exist");
    }

    @Test
    void folderWithoutWorkflowFilesDeploysNothing(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("README.md"), "not deployed");

        assertThat(runtime.deploy(folder)).isEqualTo(WorkflowDeployment.NONE);
    }

    private static IncidentRecordValue awaitIncident(long processInstanceKey) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<IncidentRecordValue> incident = records()
                    .filter(r -> r.getValueType() == ValueType.INCIDENT && r.getIntent() == IncidentIntent.CREATED)
                    .map(r -> (IncidentRecordValue) r.getValue())
                    .filter(value -> value.getProcessInstanceKey() == processInstanceKey)
                    .findFirst();
            if (incident.isPresent()) {
                return incident.get();
            }
            sleep(50);
        }
        throw new AssertionError("no incident for process instance " + processInstanceKey + " within 15 s");
    }

    private static long jobFailures(long processInstanceKey) {
        return records()
                .filter(r -> r.getValueType() == ValueType.JOB
                        && r.getIntent() == io.camunda.zeebe.protocol.record.intent.JobIntent.FAILED)
                .map(r -> (io.camunda.zeebe.protocol.record.value.JobRecordValue) r.getValue())
                .filter(job -> job.getProcessInstanceKey() == processInstanceKey)
                .count();
    }

    private static java.util.stream.Stream<Record<?>> records() {
        return StreamSupport.stream(runtime.embeddedRecords().orElseThrow().getRecords().spliterator(), false);
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(EmbeddedWorkflowTest::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .sorted((a, b) -> Boolean.compare(a instanceof Inet6Address, b instanceof Inet6Address))
                .findFirst();
    }

    private static boolean isUp(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
