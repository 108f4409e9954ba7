package io.ballast.platform.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.platform.workflow.EmbeddedUserTasks;
import io.ballast.platform.workflow.RebalanceApprovalInstances;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.grpc.Status;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's approval inbox on the embedded engine, which has no user-task API: a job worker
 * on the job-worker user tasks ({@value EmbeddedUserTasks#JOB_TYPE}) that holds each activated job
 * as a pending task until someone completes it.
 *
 * <p>Held jobs are locked to the inbox for {@code jobTimeout}, far beyond any approval window, and
 * every sweep renews the lock; a job the engine hands out again (same key) is the same task, never
 * a second one. The engine does not tell a worker when a job is cancelled, as it is when a timer
 * interrupts its user task (escalation, automatic decision), so the inbox finds out three ways:
 * the instance's next user task arrives (a rebalance has one user task at a time), the sweep's
 * lock renewal answers NOT_FOUND, or completing answers NOT_FOUND.
 *
 * <p>A task is dated when the inbox first sees it, unless its instance says when the task was
 * really created ({@value RebalanceApprovalInstances#TASK_CREATED_AT}, for its element): an
 * approval re-opened after a restart keeps the time it began.
 */
public final class EmbeddedApprovalInbox implements ApprovalTasks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedApprovalInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    /** What the worker fetches: the task's variables, and when a re-opened task was really created. */
    private static final List<String> FETCHED_VARIABLES = fetchedVariables();

    /** How long a held job stays locked to the inbox without a sweep: a month, past every approval window. */
    public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofDays(30);
    /** How often the inbox looks for tasks that timers interrupted, and renews its locks. */
    public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofSeconds(30);

    /** A held job: the task, and the keys needed to tell when it is gone. */
    private record Held(long jobKey, long processInstanceKey, ApprovalTask task) {
    }

    private final CamundaClient client;
    private final Duration jobTimeout;
    private final Clock clock;
    private final Map<Long, Held> held = new ConcurrentHashMap<>();
    private JobWorker worker;
    private ScheduledExecutorService sweeper;

    private EmbeddedApprovalInbox(CamundaClient client, Duration jobTimeout, Clock clock) {
        this.client = client;
        this.jobTimeout = jobTimeout;
        this.clock = clock;
    }

    /**
     * Opens the inbox's job worker, and its periodic sweep unless {@code sweepInterval} is zero.
     * The caller keeps the client and closes the inbox before it.
     *
     * @param clock what dates a task the inbox sees for the first time
     */
    public static EmbeddedApprovalInbox open(CamundaClient client, Duration jobTimeout, Duration sweepInterval, Clock clock) {
        Objects.requireNonNull(client, "client");
        requirePositive(jobTimeout, "jobTimeout");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (sweepInterval.isNegative()) {
            throw new IllegalArgumentException("sweepInterval: must be zero (no sweeps) or positive, got " + sweepInterval);
        }
        EmbeddedApprovalInbox inbox = new EmbeddedApprovalInbox(client, jobTimeout, Objects.requireNonNull(clock, "clock"));
        inbox.worker = client.newWorker()
                .jobType(EmbeddedUserTasks.JOB_TYPE)
                .handler((jobClient, job) -> inbox.hold(job))
                .timeout(jobTimeout)
                .name("ballast-approval-inbox")
                .fetchVariables(FETCHED_VARIABLES)
                .open();
        if (!sweepInterval.isZero()) {
            inbox.sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "approval-inbox-sweep");
                thread.setDaemon(true);
                return thread;
            });
            long millis = sweepInterval.toMillis();
            inbox.sweeper.scheduleWithFixedDelay(inbox::sweepQuietly, millis, millis, TimeUnit.MILLISECONDS);
        }
        return inbox;
    }

    @Override
    public List<ApprovalTask> pending(Optional<String> group) {
        return held.values().stream()
                .filter(h -> group.map(h.task().candidateGroups()::contains).orElse(true))
                .sorted(Comparator.comparing((Held h) -> h.task().createdAt()).thenComparingLong(Held::jobKey))
                .map(Held::task)
                .toList();
    }

    @Override
    public Optional<ApprovalTask> task(String taskId) {
        return jobKey(taskId).map(held::get).map(Held::task);
    }

    @Override
    public void complete(String taskId, boolean approved, String comment, String actor) {
        Objects.requireNonNull(actor, "actor");
        long key = jobKey(taskId).filter(held::containsKey).orElseThrow(() -> new ApprovalTaskNotFoundException(taskId));
        Map<String, Object> decision = new HashMap<>();
        decision.put("approved", approved);
        decision.put("comment", comment == null ? "" : comment);
        decision.put("approvedBy", actor);
        try {
            client.newCompleteCommand(key).variables(decision).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                held.remove(key);
                throw new ApprovalTaskNotFoundException(taskId);
            }
            throw e;
        }
        held.remove(key);
    }

    /**
     * Renews the lock of every held job and drops those the engine no longer has (their user task
     * was interrupted or the instance cancelled). Other failures leave the task held for the next sweep.
     */
    public void sweep() {
        for (Held h : List.copyOf(held.values())) {
            try {
                client.newUpdateTimeoutCommand(h.jobKey()).timeout(jobTimeout).send().join();
            } catch (ClientStatusException e) {
                if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                    held.remove(h.jobKey());
                    LOG.info("Approval task {} ({} of rebalance {}) is gone from the engine", h.jobKey(), h.task().name(), h.task().rebalanceId());
                } else {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        if (sweeper != null) {
            sweeper.shutdownNow();
        }
        if (worker != null) {
            worker.close();
        }
    }

    /** The job handler: holds the job, and drops the task it replaces. */
    private void hold(ActivatedJob job) {
        if (ApprovalTask.PROCESS_ID.equals(job.getBpmnProcessId())) {
            // rebalance-approval has one user task at a time: a new one means the old one was interrupted
            held.values().removeIf(h -> h.processInstanceKey() == job.getProcessInstanceKey() && h.jobKey() != job.getKey());
        }
        held.computeIfAbsent(job.getKey(), key -> new Held(key, job.getProcessInstanceKey(), toTask(job)));
    }

    private ApprovalTask toTask(ActivatedJob job) {
        Map<String, String> headers = job.getCustomHeaders();
        String name = headers.getOrDefault(EmbeddedUserTasks.ELEMENT_NAME_HEADER, job.getElementId());
        Map<String, Object> variables = job.getVariablesAsMap();
        return ApprovalTask.of(Long.toString(job.getKey()), name, candidateGroups(headers),
                createdAt(variables.get(RebalanceApprovalInstances.TASK_CREATED_AT), job.getElementId()).orElseGet(clock::instant), variables);
    }

    /** When the instance says the task at {@code elementId} was created; empty when it does not (or not readably). */
    private static Optional<Instant> createdAt(Object createdAtByElement, String elementId) {
        if (!(createdAtByElement instanceof Map<?, ?> byElement) || byElement.get(elementId) == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(byElement.get(elementId).toString()));
        } catch (DateTimeException e) {
            LOG.warn("Variable {} of the task at {} is no ISO-8601 instant, the task is dated now: {}",
                    RebalanceApprovalInstances.TASK_CREATED_AT, elementId, byElement.get(elementId));
            return Optional.empty();
        }
    }

    private static List<String> fetchedVariables() {
        List<String> fetched = new ArrayList<>(ApprovalTask.VARIABLES);
        fetched.add(RebalanceApprovalInstances.TASK_CREATED_AT);
        return List.copyOf(fetched);
    }

    /** The header holds the groups as a JSON list; a task without it is offered to no group. */
    private static List<String> candidateGroups(Map<String, String> headers) {
        String groups = headers.get(EmbeddedUserTasks.CANDIDATE_GROUPS_HEADER);
        if (groups == null || groups.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(groups, STRING_LIST);
        } catch (JsonProcessingException e) {
            LOG.warn("Candidate groups header is not a JSON list of names: {}", groups);
            return List.of();
        }
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Approval inbox sweep failed; tried again at the next one: {}", e.getMessage());
        }
    }

    private static Optional<Long> jobKey(String taskId) {
        try {
            return Optional.of(Long.parseLong(Objects.requireNonNull(taskId, "taskId")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, got " + duration);
        }
    }
}
