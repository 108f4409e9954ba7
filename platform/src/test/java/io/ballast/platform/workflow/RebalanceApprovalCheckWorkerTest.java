package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.platform.workflow.RebalanceApprovalCheckWorker.Completion;
import io.ballast.platform.workflow.RebalanceApprovalCheckWorker.Verdict;
import io.ballast.platform.workflow.RecordingJobClient.Completed;
import io.ballast.platform.workflow.RecordingJobClient.Failed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How the completing listener's worker reads its job and answers the engine; what it decides is the
 * check's (on the store: RebalanceWorkflowStepsTest).
 */
class RebalanceApprovalCheckWorkerTest {

    private final List<Completion> asked = new ArrayList<>();
    private final RecordingJobClient jobs = new RecordingJobClient();

    @Test
    void theCompletionIsReadAsTheTasksOutputMappingReadsItAndTheAssigneeIsTheDecider() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("rebalanceId", "R-1");
        variables.put("approved", "true"); // text, not the boolean: the task's output mapping makes it a rejection
        variables.put("comment", " ");
        variables.put("approvedBy", "bob");

        new RebalanceApprovalCheckWorker(recordingAnd(Verdict.accept()))
                .handle(jobs, TaskListenerJob.completing("EscalatedApproval", "bob", variables));

        assertThat(asked).containsExactly(
                new Completion("R-1", "EscalatedApproval", Optional.of("bob"), false, Optional.empty(), Optional.of("bob")));
        assertThat(jobs.answers()).singleElement().isInstanceOfSatisfying(Completed.class, completed -> {
            assertThat(completed.denied()).isFalse();
            assertThat(completed.variables()).isNull();
        });
    }

    @Test
    void aBlankAssigneeIsNone() {
        new RebalanceApprovalCheckWorker(recordingAnd(Verdict.deny("no assignee")))
                .handle(jobs, TaskListenerJob.completing("ApproveRebalance", " ", "R-1", true, "fine"));

        assertThat(asked).singleElement().extracting(Completion::assignee).isEqualTo(Optional.empty());
        assertThat(jobs.answers()).singleElement().isInstanceOfSatisfying(Completed.class, completed -> {
            assertThat(completed.denied()).isTrue();
            assertThat(completed.result().getDeniedReason()).isEqualTo("no assignee");
            assertThat(completed.variables()).isNull();
        });
    }

    @Test
    void aJobWithoutRebalanceIdIsDeniedWithoutAsking() {
        new RebalanceApprovalCheckWorker(recordingAnd(Verdict.accept()))
                .handle(jobs, TaskListenerJob.completing("ApproveRebalance", "bob", Map.of("approved", true)));

        assertThat(asked).isEmpty();
        assertThat(jobs.answers()).singleElement().isInstanceOfSatisfying(Completed.class, completed -> assertThat(
                completed.result().getDeniedReason())
                .isEqualTo("the process instance has no rebalanceId (a non-empty string), got null: nobody can decide this task"));
    }

    /** The job's 3 retries less this attempt: 2 left, tried again after a second. */
    @Test
    void aCheckThatFailsFailsTheJobForARetryAndDecidesNothing() {
        RebalanceApprovalCheckWorker worker = new RebalanceApprovalCheckWorker(completion -> {
            throw new IllegalStateException("store unreachable");
        });

        worker.handle(jobs, TaskListenerJob.completing("ApproveRebalance", "bob", "R-1", true, "fine"));

        assertThat(jobs.answers()).containsExactly(new Failed(2, Duration.ofSeconds(1),
                "ballast.rebalance.approval-check of rebalance R-1 failed: java.lang.IllegalStateException: store unreachable"));
    }

    private RebalanceApprovalCheckWorker.Check recordingAnd(Verdict verdict) {
        return completion -> {
            asked.add(completion);
            return verdict;
        };
    }
}
