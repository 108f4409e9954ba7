package io.ballast.platform.bench;

import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.workflow.WorkflowRuntime;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded engine's own ceiling for the auto-approved path: a process of the same shape as
 * {@code rebalance-approval}'s auto-approved path (a service task, a gateway, a second service task: two
 * jobs; their workers store their own statuses, so no listener runs), on an engine and client set up as the platform's, with job workers that
 * complete each job at once and do nothing else. No rebalance can finish faster than this process does,
 * so it says how much of {@link WorkflowBenchmark}'s time is the engine's and how much is the platform's.
 */
final class EngineFloorBenchmark {

    private static final String PROCESS_ID = "bench-engine-floor";
    private static final String CHECK = "bench.floor.check";
    private static final String EXECUTE = "bench.floor.execute";
    private static final Duration RESULT_TIMEOUT = Duration.ofMinutes(1);

    private final BallastConfig.Workflow workflow;
    private final int instances;
    private final int warmUpInstances;
    private final int concurrency;

    EngineFloorBenchmark(BallastConfig.Workflow workflow, int instances, int warmUpInstances, int concurrency) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.instances = instances;
        this.warmUpInstances = warmUpInstances;
        this.concurrency = concurrency;
    }

    /** Process instances completed per second, {@link #concurrency} clients each awaiting its instance's result. */
    double completionsPerSecond() throws InterruptedException {
        try (WorkflowRuntime runtime = WorkflowRuntime.start(workflow)) {
            runtime.client().newDeployResourceCommand().addProcessModel(process(), PROCESS_ID + ".bpmn").send().join();
            for (String jobType : List.of(CHECK, EXECUTE)) {
                runtime.openWorker(jobType, List.of(), Duration.ofSeconds(30),
                        (jobs, job) -> jobs.newCompleteCommand(job).variables(Map.of("passed", true)).send().join());
            }
            run(runtime, warmUpInstances);
            long start = System.nanoTime();
            run(runtime, instances);
            return instances / ((System.nanoTime() - start) / 1e9);
        }
    }

    private void run(WorkflowRuntime runtime, int count) throws InterruptedException {
        ClosedLoop.run(count, concurrency, i -> {
            try {
                runtime.client().newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().withResult()
                        .requestTimeout(RESULT_TIMEOUT).send().join();
            } catch (RuntimeException e) {
                throw new IllegalStateException("an engine-floor instance failed: " + e, e);
            }
        });
    }

    private static BpmnModelInstance process() {
        return Bpmn.createExecutableProcess(PROCESS_ID)
                .startEvent()
                .serviceTask("check", task -> task.zeebeJobType(CHECK))
                .exclusiveGateway()
                .condition("=passed = true")
                .serviceTask("execute", task -> task.zeebeJobType(EXECUTE))
                .endEvent()
                .done();
    }
}
