package io.ballast.platform.workflow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The embedded engine's variant of a BPMN file: every Camunda user task (a {@code bpmn:userTask}
 * with a {@code zeebe:userTask} extension) becomes a job-worker user task.
 *
 * <p>The embedded engine's gateway has no user-task commands, so a Camunda user task would wait
 * there for ever; a job-worker user task is a job of type {@value #JOB_TYPE} that the platform's
 * inbox activates and completes. Removing the {@code zeebe:userTask} marker is the change that
 * matters: the engine then hands the task's {@code zeebe:assignmentDefinition} (candidate groups,
 * assignee) and linked form to the job as the custom headers named in
 * {@link #CANDIDATE_GROUPS_HEADER} and {@link #FORM_KEY_HEADER}. A job does not carry its
 * element's name, which the inbox shows, so the variant also adds the name as the task header
 * {@link #ELEMENT_NAME_HEADER}. The task's {@code zeebe:taskListeners} go too: task listeners
 * exist only on Camunda user tasks (the engine refuses them on a job-worker one), and the checks
 * they make on a cluster (four eyes, who decided) are the inbox's own in embedded mode. The files
 * in {@code workflows/} stay the production ones.
 *
 * <p>In embedded mode {@link WorkflowDeployer} passes each {@code .bpmn} file through
 * {@link #jobWorkerVariant(byte[])}; in remote mode it deploys the file as it is.
 */
public final class EmbeddedUserTasks {

    /** The job type the engine gives job-worker user tasks. */
    public static final String JOB_TYPE = "io.camunda.zeebe:userTask";
    /** Custom header of a job-worker user task's job: the candidate groups as a JSON list, e.g. {@code ["risk-officers"]}. */
    public static final String CANDIDATE_GROUPS_HEADER = "io.camunda.zeebe:candidateGroups";
    /** Custom header of a job-worker user task's job: the key of the linked form. */
    public static final String FORM_KEY_HEADER = "io.camunda.zeebe:formKey";
    /** Task header the variant adds to each converted user task: the element's name, e.g. {@code Approve rebalance}. */
    public static final String ELEMENT_NAME_HEADER = "ballast.elementName";

    static final String BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String ZEEBE_NAMESPACE = "http://camunda.org/schema/zeebe/1.0";

    private EmbeddedUserTasks() {
    }

    /**
     * The file with every Camunda user task turned into a job-worker user task. A file without
     * Camunda user tasks, or one that is not well-formed XML, comes back unchanged (the same
     * bytes), so the engine's own rejection names what is wrong with it.
     */
    static byte[] jobWorkerVariant(byte[] bpmn) {
        Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(bpmn));
        } catch (SAXException | IOException e) {
            return bpmn;
        }
        List<Element> markers = camundaUserTaskMarkers(document);
        if (markers.isEmpty()) {
            return bpmn;
        }
        for (Element marker : markers) {
            Element extensions = (Element) marker.getParentNode();
            addNameHeader(marker);
            removeWithIndentation(marker);
            children(extensions, ZEEBE_NAMESPACE, "taskListeners").forEach(EmbeddedUserTasks::removeWithIndentation);
        }
        return serialize(document);
    }

    /** The {@code zeebe:userTask} elements in the extension elements of {@code bpmn:userTask}s. */
    private static List<Element> camundaUserTaskMarkers(Document document) {
        List<Element> markers = new ArrayList<>();
        NodeList userTasks = document.getElementsByTagNameNS(BPMN_NAMESPACE, "userTask");
        for (int i = 0; i < userTasks.getLength(); i++) {
            for (Element extensions : children((Element) userTasks.item(i), BPMN_NAMESPACE, "extensionElements")) {
                markers.addAll(children(extensions, ZEEBE_NAMESPACE, "userTask"));
            }
        }
        return markers;
    }

    /**
     * Adds the user task's name as a task header, in the task's {@code zeebe:taskHeaders} when it has
     * them, else in new ones where the marker was. A task without a name gets no header.
     */
    private static void addNameHeader(Element marker) {
        Element extensions = (Element) marker.getParentNode();
        String name = ((Element) extensions.getParentNode()).getAttribute("name");
        if (name.isEmpty()) {
            return;
        }
        String prefix = marker.getPrefix() == null ? "" : marker.getPrefix() + ":";
        Document document = marker.getOwnerDocument();
        Element header = document.createElementNS(ZEEBE_NAMESPACE, prefix + "header");
        header.setAttribute("key", ELEMENT_NAME_HEADER);
        header.setAttribute("value", name);
        List<Element> existing = children(extensions, ZEEBE_NAMESPACE, "taskHeaders");
        if (existing.isEmpty()) {
            Element headers = document.createElementNS(ZEEBE_NAMESPACE, prefix + "taskHeaders");
            headers.appendChild(header);
            extensions.insertBefore(headers, marker);
        } else {
            existing.getFirst().appendChild(header);
        }
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element
                    && namespace.equals(element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    /** Removes the element and the white space before it, so the variant keeps the file's layout for diffs. */
    private static void removeWithIndentation(Element element) {
        Node before = element.getPreviousSibling();
        if (before != null && before.getNodeType() == Node.TEXT_NODE && before.getTextContent().isBlank()) {
            before.getParentNode().removeChild(before);
        }
        element.getParentNode().removeChild(element);
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            // a process file never needs a DTD or external entities; refusing them closes XXE
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints parse errors to stderr; this one only throws the fatal ones
            builder.setErrorHandler(new DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
        }
    }

    private static byte[] serialize(Document document) {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write a parsed BPMN document back: " + e.getMessage(), e);
        }
    }
}
