package io.ballast.platform.workflow;

import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.config.BallastConfig.WorkflowMode;
import io.ballast.platform.health.ComponentHealth;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.BrokerInfo;
import io.camunda.client.api.response.Topology;
import io.camunda.client.api.worker.JobHandler;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow stage's entry point: a Camunda client connected either to the in-process Zeebe
 * engine (embedded mode, gateway on the loopback interface only) or to a Camunda 8 cluster
 * (remote mode), the deployment of the {@code workflows/} folder, and the job workers.
 *
 * <p>Order: {@link #start}, {@link #deploy}, {@link #openWorker} for each worker, then
 * {@link #close} (workers, the jobs in hand, client, engine).
 */
public final class WorkflowRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowRuntime.class);
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);
    private static final String WORKER_NAME = "ballast";
    /** How long {@link #close} lets the jobs in hand finish (each stores its step, then completes its job). */
    private static final Duration JOBS_IN_HAND_DRAIN = Duration.ofSeconds(10);

    private final WorkflowMode mode;
    private final CamundaClient client;
    private final LoopbackZeebeEngine engine;
    private final ScheduledExecutorService jobThreads;
    private final List<JobWorker> workers = new ArrayList<>();
    private WorkflowDeployment deployment = WorkflowDeployment.NONE;
    private boolean closed;

    private WorkflowRuntime(WorkflowMode mode, CamundaClient client, LoopbackZeebeEngine engine, ScheduledExecutorService jobThreads) {
        this.mode = mode;
        this.client = client;
        this.engine = engine;
        this.jobThreads = jobThreads;
    }

    /**
     * Starts the embedded engine and its client, or builds the client of the remote cluster.
     *
     * @throws io.ballast.platform.app.StartupException naming the config key when a setting is
     *         missing or wrong, or the embedded engine cannot start
     */
    public static WorkflowRuntime start(BallastConfig.Workflow config) {
        Objects.requireNonNull(config, "config");
        ScheduledExecutorService jobThreads = jobThreads(config.jobWorkerThreads());
        try {
            return switch (config.mode()) {
                case EMBEDDED -> startEmbedded(config.embedded(), jobThreads);
                case REMOTE -> {
                    CamundaClient client = RemoteClusterConnection.open(config.remote(), jobThreads);
                    LOG.info("Workflow client for the Camunda cluster at {}", client.getConfiguration().getGrpcAddress());
                    yield new WorkflowRuntime(WorkflowMode.REMOTE, client, null, jobThreads);
                }
            };
        } catch (RuntimeException e) {
            jobThreads.shutdownNow();
            throw e;
        }
    }

    /**
     * The job workers' threads, owned here rather than by the client, so that {@link #close} can let the
     * jobs in hand finish before the client goes (the client would interrupt them mid-step).
     */
    private static ScheduledExecutorService jobThreads(int count) {
        ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(count,
                Thread.ofPlatform().name("ballast-job-", 0).daemon(true).factory());
        // a poll scheduled before close is not run after it
        threads.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return threads;
    }

    private static WorkflowRuntime startEmbedded(BallastConfig.EmbeddedEngine settings, ScheduledExecutorService jobThreads) {
        LoopbackZeebeEngine engine = LoopbackZeebeEngine.start(settings.gatewayPort());
        try {
            CamundaClient client = CamundaClient.newClientBuilder()
                    .applyEnvironmentVariableOverrides(false)
                    .grpcAddress(engine.grpcAddress())
                    // the embedded engine has a gRPC gateway only, no REST API
                    .preferRestOverGrpc(false)
                    .jobWorkerExecutor(jobThreads, false)
                    .build();
            LOG.info("Embedded Zeebe engine started; gateway {} (loopback only, state in memory)", engine.grpcAddress());
            return new WorkflowRuntime(WorkflowMode.EMBEDDED, client, engine, jobThreads);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** {@code embedded} or {@code remote}. */
    public String mode() {
        return mode.label();
    }

    /** The client for commands the stage has no method for; it stays owned by this runtime. */
    public CamundaClient client() {
        return client;
    }

    /**
     * Deploys every {@code .bpmn} and {@code .form} file under {@code directory} (sub-folders
     * included) in one deployment. A folder without such files deploys nothing. In embedded mode
     * the processes' Camunda user tasks are deployed as job-worker user tasks ({@link EmbeddedUserTasks}).
     *
     * @throws io.ballast.platform.app.StartupException when the folder is missing, or naming the
     *         file and the engine's reason when the engine rejects the deployment
     */
    public synchronized WorkflowDeployment deploy(Path directory) {
        requireOpen();
        WorkflowDeployment deployed = WorkflowDeployer.deploy(client, directory, mode == WorkflowMode.EMBEDDED);
        Map<String, Integer> processes = new LinkedHashMap<>(deployment.processVersions());
        processes.putAll(deployed.processVersions());
        Map<String, Integer> forms = new LinkedHashMap<>(deployment.formVersions());
        forms.putAll(deployed.formVersions());
        deployment = new WorkflowDeployment(processes, forms);
        return deployed;
    }

    /** Everything deployed through this runtime, the latest version of each id. */
    public synchronized WorkflowDeployment deployment() {
        return deployment;
    }

    /**
     * Opens a job worker that this runtime closes on {@link #close()}.
     *
     * @param jobType        the job type of the service tasks it serves
     * @param fetchVariables the variables the handler reads; the others stay in the engine
     * @param jobTimeout     how long a job stays locked to this worker before the engine hands it to another
     */
    public synchronized JobWorker openWorker(String jobType, List<String> fetchVariables, Duration jobTimeout, JobHandler handler) {
        requireOpen();
        JobWorker worker = client.newWorker()
                .jobType(jobType)
                .handler(handler)
                .timeout(jobTimeout)
                .name(WORKER_NAME)
                .fetchVariables(fetchVariables)
                // the gateway pushes each job as it is created; polling alone would leave a job waiting up to a poll
                // interval, twice per rebalance. Polls go on as the fallback for jobs made while the stream was down.
                .streamEnabled(true)
                .open();
        workers.add(worker);
        LOG.info("Job worker for {} opened", jobType);
        return worker;
    }

    /** Up when the gateway answers a topology request within two seconds; the details say what the engine holds. */
    public ComponentHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mode", mode());
        details.put("gatewayAddress", client.getConfiguration().getGrpcAddress().toString());
        WorkflowDeployment deployed = deployment();
        details.put("processes", deployed.processVersions());
        details.put("forms", deployed.formVersions());
        try {
            Topology topology = client.newTopologyRequest().requestTimeout(HEALTH_TIMEOUT).send().join();
            details.put("brokers", topology.getBrokers().size());
            details.put("partitions", topology.getPartitionsCount());
            details.put("gatewayVersion", topology.getGatewayVersion());
            boolean anyPartition = topology.getBrokers().stream().map(BrokerInfo::getPartitions).anyMatch(p -> !p.isEmpty());
            return anyPartition
                    ? ComponentHealth.up(details)
                    : ComponentHealth.down("the gateway reports no broker with a partition", details);
        } catch (RuntimeException e) {
            return ComponentHealth.down("topology request failed: " + e.getMessage(), details);
        }
    }

    /** Every record the embedded engine wrote; empty in remote mode. For diagnostics and tests. */
    Optional<RecordStreamSource> embeddedRecords() {
        return Optional.ofNullable(engine).map(LoopbackZeebeEngine::records);
    }

    /** Moves the embedded engine's clock, which its timers and job timeouts read; for tests of timed paths. */
    void increaseEmbeddedTime(Duration by) {
        if (engine == null) {
            throw new IllegalStateException("only the embedded engine's clock can be moved");
        }
        engine.increaseTime(by);
    }

    /**
     * Closes the workers, lets the jobs in hand finish (up to {@link #JOBS_IN_HAND_DRAIN}; one still running
     * then is interrupted and handed out again by the engine), then closes the client, then the embedded
     * engine; a second call does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        workers.forEach(JobWorker::close);
        workers.clear();
        jobThreads.shutdown();
        try {
            if (!jobThreads.awaitTermination(JOBS_IN_HAND_DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Jobs still running {} after the workers closed are interrupted; the engine hands them out again once their timeout passes", JOBS_IN_HAND_DRAIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        jobThreads.shutdownNow();
        client.close();
        if (engine != null) {
            engine.close();
        }
        LOG.info("Workflow runtime ({}) closed", mode());
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the workflow runtime is closed");
        }
    }
}
