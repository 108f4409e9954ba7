package io.ballast.platform.workflow;

import static io.ballast.platform.workflow.EmbeddedUserTasks.BPMN_NAMESPACE;
import static io.ballast.platform.workflow.EmbeddedUserTasks.ZEEBE_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class EmbeddedUserTasksTest {

    private static final Path WORKFLOWS = Path.of("..", "workflows");

    @Test
    void camundaUserTasksLoseOnlyTheirMarker() throws Exception {
        byte[] production = Files.readAllBytes(WORKFLOWS.resolve("rebalance-approval.bpmn"));

        Document embedded = parse(EmbeddedUserTasks.jobWorkerVariant(production));
        Document original = parse(production);

        assertThat(embedded.getElementsByTagNameNS(ZEEBE_NAMESPACE, "userTask").getLength()).isZero();
        assertThat(embedded.getElementsByTagNameNS(ZEEBE_NAMESPACE, "taskListeners").getLength()).isZero();
        // the production file marks its two user tasks, each with a zeebe:taskListeners holding one
        // zeebe:taskListener; nothing else goes, and each gains a zeebe:taskHeaders with one zeebe:header
        // for its name: 2 x (1 + 2) removed, 2 x 2 added
        assertThat(original.getElementsByTagNameNS(ZEEBE_NAMESPACE, "userTask").getLength()).isEqualTo(2);
        assertThat(original.getElementsByTagNameNS(ZEEBE_NAMESPACE, "taskListener").getLength()).isEqualTo(2);
        assertThat(elementCount(embedded)).isEqualTo(elementCount(original) - 6 + 4);
        assertThat(nameHeaders(embedded)).containsExactly("Approve rebalance", "Escalated approval");
        assertThat(userTaskSettings(embedded)).containsExactly(
                "ApproveRebalance form=rebalance-approval groups=portfolio-managers",
                "EscalatedApproval form=rebalance-approval groups=risk-officers");
        assertThat(embedded.getDocumentElement().getAttribute("exporter")).isEqualTo("Camunda Modeler");
    }

    /** Its execution listeners stay: they are the element's, not the user task's. */
    @Test
    void taskListenersGoWithTheMarkerAndNothingElse() throws Exception {
        byte[] bpmn = process("""
                <bpmn:userTask id="Check">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:executionListeners>
                      <zeebe:executionListener eventType="end" type="status" />
                    </zeebe:executionListeners>
                    <zeebe:taskListeners>
                      <zeebe:taskListener eventType="completing" type="check" />
                    </zeebe:taskListeners>
                  </bpmn:extensionElements>
                </bpmn:userTask>""");

        Document embedded = parse(EmbeddedUserTasks.jobWorkerVariant(bpmn));

        assertThat(embedded.getElementsByTagNameNS(ZEEBE_NAMESPACE, "taskListeners").getLength()).isZero();
        assertThat(embedded.getElementsByTagNameNS(ZEEBE_NAMESPACE, "taskListener").getLength()).isZero();
        Element executionListener = (Element) embedded.getElementsByTagNameNS(ZEEBE_NAMESPACE, "executionListener").item(0);
        assertThat(executionListener.getAttribute("type")).isEqualTo("status");
    }

    @Test
    void fileWithoutCamundaUserTasksComesBackUntouched() throws IOException {
        byte[] riskCheck = Files.readAllBytes(WORKFLOWS.resolve("portfolio-risk-check.bpmn"));

        assertThat(EmbeddedUserTasks.jobWorkerVariant(riskCheck)).isSameAs(riskCheck);
    }

    @Test
    void jobWorkerUserTaskStaysAsItIs() {
        byte[] bpmn = process("""
                <bpmn:userTask id="Check">
                  <bpmn:extensionElements>
                    <zeebe:assignmentDefinition candidateGroups="ops" />
                  </bpmn:extensionElements>
                </bpmn:userTask>""");

        assertThat(EmbeddedUserTasks.jobWorkerVariant(bpmn)).isSameAs(bpmn);
    }

    @Test
    void textOutsideAsciiSurvivesTheRoundTrip() throws Exception {
        byte[] bpmn = process("""
                <bpmn:userTask id="Prüfung" name="Freigabe – Prüfung">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                  </bpmn:extensionElements>
                </bpmn:userTask>""");

        Document embedded = parse(EmbeddedUserTasks.jobWorkerVariant(bpmn));

        Element task = (Element) embedded.getElementsByTagNameNS(BPMN_NAMESPACE, "userTask").item(0);
        assertThat(task.getAttribute("name")).isEqualTo("Freigabe – Prüfung");
        assertThat(embedded.getElementsByTagNameNS(ZEEBE_NAMESPACE, "userTask").getLength()).isZero();
    }

    @Test
    void textThatIsNotXmlIsLeftForTheEngineToReject() {
        byte[] notes = "this is not BPMN".getBytes(StandardCharsets.UTF_8);

        assertThat(EmbeddedUserTasks.jobWorkerVariant(notes)).isSameAs(notes);
    }

    @Test
    void externalEntitiesAreNeverRead() {
        byte[] hostile = """
                <?xml version="1.0"?>
                <!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
                  <bpmn:process id="p"><bpmn:userTask id="t" name="&secret;"><bpmn:extensionElements>
                    <zeebe:userTask /></bpmn:extensionElements></bpmn:userTask></bpmn:process>
                </bpmn:definitions>
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(EmbeddedUserTasks.jobWorkerVariant(hostile)).isSameAs(hostile);
    }

    private static byte[] process(String elements) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                """ + elements + """
                  </bpmn:process>
                </bpmn:definitions>
                """).getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> userTaskSettings(Document document) {
        List<String> settings = new ArrayList<>();
        NodeList tasks = document.getElementsByTagNameNS(BPMN_NAMESPACE, "userTask");
        for (int i = 0; i < tasks.getLength(); i++) {
            Element task = (Element) tasks.item(i);
            Element form = (Element) task.getElementsByTagNameNS(ZEEBE_NAMESPACE, "formDefinition").item(0);
            Element assignment = (Element) task.getElementsByTagNameNS(ZEEBE_NAMESPACE, "assignmentDefinition").item(0);
            settings.add(task.getAttribute("id") + " form=" + form.getAttribute("formId")
                    + " groups=" + assignment.getAttribute("candidateGroups"));
        }
        return settings;
    }

    @Test
    void nameJoinsTheTaskHeadersTheTaskAlreadyHas() throws Exception {
        byte[] bpmn = process("""
                <bpmn:userTask id="Check" name="Check limits">
                  <bpmn:extensionElements>
                    <zeebe:userTask />
                    <zeebe:taskHeaders><zeebe:header key="desk" value="rates" /></zeebe:taskHeaders>
                  </bpmn:extensionElements>
                </bpmn:userTask>""");

        Document embedded = parse(EmbeddedUserTasks.jobWorkerVariant(bpmn));

        assertThat(embedded.getElementsByTagNameNS(ZEEBE_NAMESPACE, "taskHeaders").getLength()).isEqualTo(1);
        NodeList headers = embedded.getElementsByTagNameNS(ZEEBE_NAMESPACE, "header");
        assertThat(headers.getLength()).isEqualTo(2);
        assertThat(((Element) headers.item(1)).getAttribute("key")).isEqualTo(EmbeddedUserTasks.ELEMENT_NAME_HEADER);
        assertThat(((Element) headers.item(1)).getAttribute("value")).isEqualTo("Check limits");
    }

    private static List<String> nameHeaders(Document document) {
        List<String> names = new ArrayList<>();
        NodeList headers = document.getElementsByTagNameNS(ZEEBE_NAMESPACE, "header");
        for (int i = 0; i < headers.getLength(); i++) {
            Element header = (Element) headers.item(i);
            if (header.getAttribute("key").equals(EmbeddedUserTasks.ELEMENT_NAME_HEADER)) {
                names.add(header.getAttribute("value"));
            }
        }
        return names;
    }

    private static int elementCount(Document document) {
        return document.getElementsByTagName("*").getLength();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
