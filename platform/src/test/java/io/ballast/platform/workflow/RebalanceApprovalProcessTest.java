package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.UserTaskIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.UserTaskRecordValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every path of {@code workflows/rebalance-approval.bpmn} on the real in-process Zeebe engine, in
 * its embedded variant, with test job handlers standing in for the platform's workers and the
 * engine's clock driven for the timers. One engine for the class.
 */
class RebalanceApprovalProcessTest {

    private static final Path WORKFLOWS = Path.of("..", "workflows");
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** An inbox holds a user task's job for as long as people may take; far beyond any window here. */
    private static final Duration INBOX_LOCK = Duration.ofDays(30);

    private static final Duration REMINDER_AFTER = Duration.ofHours(1);
    private static final Duration APPROVAL_WINDOW = Duration.ofHours(4);
    private static final Duration ESCALATION_WINDOW = Duration.ofHours(8);

    private static final Map<String, Object> CONCENTRATION = Map.of(
            "rule", "concentration", "action", "NEEDS_APPROVAL", "severity", "CRITICAL",
            "message", "ETH would be 42% of the portfolio, above the 25% limit");
    private static final Map<String, Object> STOP_LOSS = Map.of(
            "rule", "hard-stop", "action", "BLOCK", "severity", "CRITICAL",
            "message", "portfolio is 21% below its peak, past the 20% hard stop");

    private static LoopbackZeebeEngine engine;
    private static CamundaClient client;
    private static long embeddedProcessKey;
    private static long formKey;
    private static final List<JobWorker> workers = new ArrayList<>();
    /** Per process instance: the jobs the stand-in workers and the inbox took, in order. */
    private static final Map<Long, List<String>> jobs = new ConcurrentHashMap<>();
    /** Per process instance: the statuses handed to the status worker, in order. */
    private static final Map<Long, List<String>> statuses = new ConcurrentHashMap<>();

    @BeforeAll
    static void startEngine() throws IOException {
        engine = LoopbackZeebeEngine.start(0);
        client = CamundaClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false)
                .grpcAddress(engine.grpcAddress())
                .preferRestOverGrpc(false)
                .build();
        DeploymentEvent deployment = client.newDeployResourceCommand()
                .addResourceBytes(EmbeddedUserTasks.jobWorkerVariant(Files.readAllBytes(WORKFLOWS.resolve("rebalance-approval.bpmn"))),
                        "rebalance-approval.bpmn")
                .addResourceBytes(Files.readAllBytes(WORKFLOWS.resolve("rebalance-approval.form")), "rebalance-approval.form")
                .send().join();
        embeddedProcessKey = deployment.getProcesses().getFirst().getProcessDefinitionKey();
        formKey = deployment.getForm().getFirst().getFormKey();

        // stand-ins for the platform's workers; the portfolio id says what the rules decide
        worker("ballast.rebalance.risk-check", job -> switch ((String) job.getVariable("portfolioId")) {
            case "P-CALM" -> Map.of("riskVerdict", "ALLOW_ALL", "autoApprovable", true, "riskDecisions", List.of());
            case "P-STOP" -> Map.of("riskVerdict", "BLOCKED", "autoApprovable", false, "riskDecisions", List.of(STOP_LOSS));
            default -> Map.of("riskVerdict", "NEEDS_APPROVAL", "autoApprovable", false, "riskDecisions", List.of(CONCENTRATION));
        });
        // P-SETTLES: on fresh prices the concentration is back within its limit
        worker("ballast.rebalance.auto-decide", job -> "P-SETTLES".equals(job.getVariable("portfolioId"))
                ? Map.of("approved", true, "riskVerdict", "ALLOW_ALL", "riskDecisions", List.of())
                : Map.of("approved", false, "riskVerdict", "NEEDS_APPROVAL", "riskDecisions", List.of(CONCENTRATION)));
        worker("ballast.rebalance.remind", job -> Map.of());
        worker("ballast.rebalance.execute", job -> Map.of());
        JobHandler status = (jobClient, job) -> {
            statuses.computeIfAbsent(job.getProcessInstanceKey(), k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(job.getElementId() + " " + job.getVariable("rebalanceStatus"));
            jobClient.newCompleteCommand(job).send().join();
        };
        workers.add(client.newWorker().jobType("ballast.rebalance.status").handler(status)
                .fetchVariables("rebalanceStatus").open());
    }

    @AfterAll
    static void stopEngine() {
        workers.forEach(JobWorker::close);
        if (client != null) {
            client.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void allowedAndWithinLimitsIsExecutedWithoutPeople() {
        long instance = propose("R-1", "P-CALM");

        awaitEnd(instance);
        assertThat(endEvents(instance)).containsExactly("Executed");
        assertThat(jobs(instance)).containsExactly("risk-check", "execute");
        // the risk check's and the execution's workers store what they decide: no status listener on them
        assertThat(statuses(instance)).isEmpty();
        assertThat(processVariable(instance, "rebalanceStatus")).isEqualTo("\"EXECUTED\"");
    }

    @Test
    void blockedByARuleEndsAsBlocked() {
        long instance = propose("R-2", "P-STOP");

        awaitEnd(instance);
        assertThat(endEvents(instance)).containsExactly("Blocked");
        assertThat(jobs(instance)).containsExactly("risk-check");
        assertThat(statuses(instance)).isEmpty();
        assertThat(processVariable(instance, "rebalanceStatus")).isEqualTo("\"BLOCKED\"");
    }

    @Test
    void portfolioManagerApproves() {
        long instance = propose("R-3", "P-BIG");

        ActivatedJob task = awaitUserTask(instance);
        assertThat(task.getElementId()).isEqualTo("ApproveRebalance");
        assertThat(task.getCustomHeaders())
                .containsEntry(EmbeddedUserTasks.CANDIDATE_GROUPS_HEADER, "[\"portfolio-managers\"]")
                // the form linked by its id, resolved to the deployed version's key
                .containsEntry(EmbeddedUserTasks.FORM_KEY_HEADER, Long.toString(formKey));
        // what the form shows: the proposal and the risk check's decisions
        assertThat(task.getVariablesAsMap())
                .containsEntry("proposedBy", "alice")
                .containsEntry("riskVerdict", "NEEDS_APPROVAL")
                .containsEntry("riskDecisions", List.of(CONCENTRATION));
        complete(task, true, "within mandate");

        awaitEnd(instance);
        assertThat(endEvents(instance)).containsExactly("Executed");
        assertThat(jobs(instance)).containsExactly("risk-check", "user task ApproveRebalance", "execute");
        assertThat(statuses(instance)).containsExactly("ApproveRebalance APPROVED");
        assertThat(processVariable(instance, "comment")).isEqualTo("\"within mandate\"");
        assertThat(processVariable(instance, "rebalanceStatus")).isEqualTo("\"EXECUTED\"");
    }

    @Test
    void portfolioManagerRejects() {
        long instance = propose("R-4", "P-BIG");

        complete(awaitUserTask(instance), false, "too concentrated");

        awaitEnd(instance);
        assertThat(endEvents(instance)).containsExactly("Rejected");
        assertThat(jobs(instance)).containsExactly("risk-check", "user task ApproveRebalance");
        assertThat(statuses(instance)).containsExactly("ApproveRebalance REJECTED");
        assertThat(processVariable(instance, "approved")).isEqualTo("false");
    }

    @Test
    void reminderIsSentWhileTheTaskWaitsAndTheApprovalStillCounts() {
        long instance = propose("R-5", "P-BIG");
        ActivatedJob task = awaitUserTask(instance);

        engine.increaseTime(REMINDER_AFTER);
        awaitJob(instance, "remind");
        complete(task, true, "sorry, was away");

        awaitEnd(instance);
        assertThat(endEvents(instance)).containsExactly("ReminderSent", "Executed");
        assertThat(jobs(instance)).containsExactly("risk-check", "user task ApproveRebalance", "remind", "execute");
        assertThat(statuses(instance)).containsExactly("ApproveRebalance APPROVED");
    }

    @Test
    void riskOfficerApprovesAfterTheApprovalWindow() {
        long instance = propose("R-6", "P-BIG");
        awaitUserTask(instance);

        engine.increaseTime(REMINDER_AFTER);
        awaitJob(instance, "remind");
        engine.increaseTime(APPROVAL_WINDOW.minus(REMINDER_AFTER));
        ActivatedJob escalated = awaitUserTask(instance);
        assertThat(escalated.getElementId()).isEqualTo("EscalatedApproval");
        assertThat(escalated.getCustomHeaders())
                .containsEntry(EmbeddedUserTasks.CANDIDATE_GROUPS_HEADER, "[\"risk-officers\"]");
        complete(escalated, true, "approved on escalation");

        awaitEnd(instance);
        assertThat(endEvents(instance)).containsExactly("ReminderSent", "Executed");
        assertThat(jobs(instance)).containsExactly(
                "risk-check", "user task ApproveRebalance", "remind", "user task EscalatedApproval", "execute");
        assertThat(statuses(instance)).containsExactly("ApprovalWindowOver ESCALATED", "EscalatedApproval APPROVED");
    }

    @Test
    void nobodyDecidesAndFreshPricesAllowItSoItIsApprovedAutomatically() {
        long instance = propose("R-7", "P-SETTLES");

        escalateThenLetTheEscalationWindowPass(instance);

        awaitEnd(instance);
        assertThat(endEvents(instance)).containsExactly("ReminderSent", "Executed");
        assertThat(jobs(instance)).containsExactly("risk-check", "remind", "auto-decide", "execute");
        assertThat(statuses(instance)).containsExactly("ApprovalWindowOver ESCALATED");
        assertThat(processVariable(instance, "rebalanceStatus")).isEqualTo("\"EXECUTED\"");
    }

    @Test
    void nobodyDecidesAndTheRulesStillObjectSoItIsRejectedAutomatically() {
        long instance = propose("R-8", "P-BIG");

        escalateThenLetTheEscalationWindowPass(instance);

        awaitEnd(instance);
        assertThat(endEvents(instance)).containsExactly("ReminderSent", "Rejected");
        assertThat(jobs(instance)).containsExactly("risk-check", "remind", "auto-decide");
        assertThat(statuses(instance)).containsExactly("ApprovalWindowOver ESCALATED");
        assertThat(processVariable(instance, "rebalanceStatus")).isEqualTo("\"AUTO_REJECTED_AFTER_ESCALATION\"");
        assertThat(processVariable(instance, "riskDecisions")).contains("\"concentration\"");
    }

    @Test
    void productionFileDeploysAsItIsAndWaitsOnACamundaUserTask() throws IOException {
        DeploymentEvent production = client.newDeployResourceCommand()
                .addResourceFile(WORKFLOWS.resolve("rebalance-approval.bpmn").toString())
                .send().join();
        long productionKey = production.getProcesses().getFirst().getProcessDefinitionKey();
        assertThat(productionKey).isNotEqualTo(embeddedProcessKey);

        long instance = client.newCreateInstanceCommand().processDefinitionKey(productionKey)
                .variables(startVariables("R-9", "P-BIG")).send().join().getProcessInstanceKey();

        UserTaskRecordValue userTask = await("a Camunda user task of instance " + instance, () -> records()
                .filter(r -> r.getValueType() == ValueType.USER_TASK && r.getIntent() == UserTaskIntent.CREATED)
                .map(r -> (UserTaskRecordValue) r.getValue())
                .filter(value -> value.getProcessInstanceKey() == instance)
                .findFirst().orElse(null));
        assertThat(userTask.getElementId()).isEqualTo("ApproveRebalance");
        assertThat(userTask.getCandidateGroupsList()).containsExactly("portfolio-managers");
        assertThat(userTask.getFormKey()).isEqualTo(formKey);
        // a Camunda user task is no job: nothing for the inbox to take, and no gateway command completes it
        assertThat(jobs(instance)).containsExactly("risk-check");
        client.newCancelInstanceCommand(instance).send().join();
    }

    private void escalateThenLetTheEscalationWindowPass(long instance) {
        // the inbox takes each task, nobody completes it; the journal keeps the workers' jobs only
        awaitUserTask(instance);
        journal(instance).removeLast();
        engine.increaseTime(REMINDER_AFTER);
        awaitJob(instance, "remind");
        engine.increaseTime(APPROVAL_WINDOW.minus(REMINDER_AFTER));
        awaitUserTask(instance);
        journal(instance).removeLast();
        engine.increaseTime(ESCALATION_WINDOW);
    }

    private static long propose(String rebalanceId, String portfolioId) {
        return client.newCreateInstanceCommand().processDefinitionKey(embeddedProcessKey)
                .variables(startVariables(rebalanceId, portfolioId))
                .send().join().getProcessInstanceKey();
    }

    private static Map<String, Object> startVariables(String rebalanceId, String portfolioId) {
        return Map.of(
                "rebalanceId", rebalanceId,
                "portfolioId", portfolioId,
                "proposedBy", "alice",
                "trades", List.of(Map.of("asset", "ETH", "side", "SELL", "quantity", "12.5", "notional", "40000.00")),
                "estimatedCost", "31.40",
                "reminderAfter", REMINDER_AFTER.toString(),
                "approvalWindow", APPROVAL_WINDOW.toString(),
                "escalationWindow", ESCALATION_WINDOW.toString());
    }

    private static void worker(String jobType, java.util.function.Function<ActivatedJob, Map<String, Object>> result) {
        String name = jobType.substring("ballast.rebalance.".length());
        JobHandler handler = (jobClient, job) -> {
            journal(job.getProcessInstanceKey()).add(name);
            jobClient.newCompleteCommand(job).variables(result.apply(job)).send().join();
        };
        workers.add(client.newWorker().jobType(jobType).handler(handler).fetchVariables("portfolioId").open());
    }

    /** What the platform's inbox does: takes the instance's next user task from the engine. */
    private static ActivatedJob awaitUserTask(long instance) {
        ActivatedJob task = await("a user task of instance " + instance, () -> client.newActivateJobsCommand()
                .jobType(EmbeddedUserTasks.JOB_TYPE).maxJobsToActivate(10).timeout(INBOX_LOCK)
                .requestTimeout(Duration.ofMillis(500)).send().join()
                .getJobs().stream()
                .filter(job -> job.getProcessInstanceKey() == instance)
                .findFirst().orElse(null));
        journal(instance).add("user task " + task.getElementId());
        return task;
    }

    private static void complete(ActivatedJob task, boolean approved, String comment) {
        client.newCompleteCommand(task).variables(Map.of("approved", approved, "comment", comment)).send().join();
    }

    private static void awaitJob(long instance, String name) {
        await(name + " of instance " + instance, () -> jobs(instance).contains(name) ? name : null);
    }

    private static void awaitEnd(long instance) {
        await("the end of instance " + instance, () -> processInstanceRecords(instance)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                        && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
                .findFirst().orElse(null));
    }

    private static List<String> endEvents(long instance) {
        return processInstanceRecords(instance)
                .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                        && r.getValue().getBpmnElementType() == BpmnElementType.END_EVENT)
                .map(r -> r.getValue().getElementId())
                .toList();
    }

    private static String processVariable(long instance, String name) {
        return records()
                .filter(r -> r.getValueType() == ValueType.VARIABLE)
                .map(r -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) r.getValue())
                .filter(v -> v.getProcessInstanceKey() == instance && v.getScopeKey() == instance && v.getName().equals(name))
                .reduce((first, second) -> second)
                .map(io.camunda.zeebe.protocol.record.value.VariableRecordValue::getValue)
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Stream<Record<ProcessInstanceRecordValue>> processInstanceRecords(long instance) {
        return records()
                .filter(r -> r.getValueType() == ValueType.PROCESS_INSTANCE)
                .map(r -> (Record<ProcessInstanceRecordValue>) r)
                .filter(r -> r.getValue().getProcessInstanceKey() == instance);
    }

    private static Stream<Record<?>> records() {
        return StreamSupport.stream(engine.records().getRecords().spliterator(), false);
    }

    private static List<String> journal(long instance) {
        return jobs.computeIfAbsent(instance, k -> Collections.synchronizedList(new ArrayList<>()));
    }

    private static List<String> jobs(long instance) {
        return List.copyOf(journal(instance));
    }

    private static List<String> statuses(long instance) {
        return List.copyOf(statuses.getOrDefault(instance, List.of()));
    }

    private static <T> T await(String what, Supplier<T> probe) {
        return EmbeddedWorkflowFixture.await(what, WAIT, probe);
    }
}
