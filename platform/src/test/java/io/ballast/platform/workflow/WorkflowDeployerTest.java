package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What each mode deploys: the embedded engine gets job-worker user tasks, a cluster the files as they are. */
class WorkflowDeployerTest {

    private static final Path WORKFLOWS = Path.of("..", "workflows");

    @Test
    void remoteModeDeploysTheFilesAsTheyAre() throws IOException {
        Path approval = WORKFLOWS.resolve("rebalance-approval.bpmn");

        assertThat(WorkflowDeployer.deployableBytes(approval, false)).isEqualTo(Files.readAllBytes(approval));
    }

    @Test
    void embeddedModeDeploysTheJobWorkerVariantOfProcessesOnly() throws IOException {
        Path approval = WORKFLOWS.resolve("rebalance-approval.bpmn");
        Path form = WORKFLOWS.resolve("rebalance-approval.form");

        assertThat(WorkflowDeployer.deployableBytes(approval, true))
                .isEqualTo(EmbeddedUserTasks.jobWorkerVariant(Files.readAllBytes(approval)))
                .isNotEqualTo(Files.readAllBytes(approval));
        assertThat(WorkflowDeployer.deployableBytes(form, true)).isEqualTo(Files.readAllBytes(form));
    }
}
