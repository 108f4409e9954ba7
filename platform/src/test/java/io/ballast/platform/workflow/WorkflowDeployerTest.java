package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What each mode deploys: the embedded engine gets job-worker user tasks, a cluster the files as they are. */
class WorkflowDeployerTest {

    private static final Path WORKFLOWS = Path.of("..", "workflows");

    @Test
    void remoteModeDeploysTheFilesAsTheyAre() throws IOException {
        Path approval = WORKFLOWS.resolve("rebalance-approval.bpmn");

        assertThat(WorkflowDeployer.deployableBytes(approval, false)).isEqualTo(Files.readAllBytes(approval));
    }

    /** Four eyes and the decider on a cluster hang on these: a completion in Tasklist waits for the platform's check. */
    @Test
    void remoteModeDeploysTheCompletingListenerOnBothUserTasks() throws Exception {
        byte[] deployed = WorkflowDeployer.deployableBytes(WORKFLOWS.resolve("rebalance-approval.bpmn"), false);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(deployed));
        List<String> listeners = new ArrayList<>();
        NodeList tasks = document.getElementsByTagNameNS(EmbeddedUserTasks.BPMN_NAMESPACE, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            NodeList taskListeners = task.getElementsByTagNameNS(EmbeddedUserTasks.ZEEBE_NAMESPACE, "taskListener");
            for (int j = 0; j < taskListeners.getLength(); j++) {
                Element listener = (Element) taskListeners.item(j);
                listeners.add(task.getAttribute("id") + " " + listener.getAttribute("eventType") + " " + listener.getAttribute("type"));
            }
        }

        assertThat(listeners).containsExactly(
                "ApproveRebalance completing " + RebalanceApprovalCheckWorker.JOB_TYPE,
                "EscalatedApproval completing " + RebalanceApprovalCheckWorker.JOB_TYPE);
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
