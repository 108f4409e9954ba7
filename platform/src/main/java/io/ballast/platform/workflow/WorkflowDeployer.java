package io.ballast.platform.workflow;

import io.ballast.platform.app.StartupException;
import io.ballast.platform.problem.FailureMessages;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys every {@code .bpmn} and {@code .form} file of a folder in one deployment: the engine
 * takes all of them or none, so a broken file never leaves half a set deployed. For the embedded
 * engine each process goes in its {@linkplain EmbeddedUserTasks#jobWorkerVariant job-worker variant}
 * (that engine cannot complete Camunda user tasks); a cluster gets the files as they are.
 */
final class WorkflowDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowDeployer.class);
    private static final Duration DEPLOY_TIMEOUT = Duration.ofSeconds(30);

    private WorkflowDeployer() {
    }

    /**
     * @param jobWorkerUserTasks true for the embedded engine: Camunda user tasks become job-worker
     *                           user tasks, which the platform's inbox serves
     */
    static WorkflowDeployment deploy(CamundaClient client, Path directory, boolean jobWorkerUserTasks) {
        List<Path> files = resourceFiles(directory);
        if (files.isEmpty()) {
            LOG.warn("{} holds no .bpmn or .form file; nothing deployed", directory);
            return WorkflowDeployment.NONE;
        }
        DeployResourceCommandStep1 command = client.newDeployResourceCommand();
        DeployResourceCommandStep2 withResources = null;
        for (Path file : files) {
            withResources = (withResources == null ? command : withResources)
                    .addResourceBytes(deployableBytes(file, jobWorkerUserTasks), resourceName(directory, file));
        }
        DeploymentEvent event;
        try {
            event = withResources.requestTimeout(DEPLOY_TIMEOUT).send().join();
        } catch (ClientException e) {
            throw new StartupException(rejectionMessage(directory, files, e), e);
        }
        Map<String, Integer> processes = new LinkedHashMap<>();
        for (Process process : event.getProcesses()) {
            processes.put(process.getBpmnProcessId(), process.getVersion());
        }
        Map<String, Integer> forms = new LinkedHashMap<>();
        for (Form form : event.getForm()) {
            forms.put(form.getFormId(), form.getVersion());
        }
        WorkflowDeployment deployment = new WorkflowDeployment(processes, forms);
        LOG.info("Deployed {} file(s) from {}: processes {}, forms {}", files.size(), directory,
                deployment.processVersions(), deployment.formVersions());
        return deployment;
    }

    /** The deployable files under {@code directory}, in every sub-folder, sorted by path so deployments are repeatable. */
    static List<Path> resourceFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new StartupException("workflow.directory: " + directory.toAbsolutePath().normalize()
                    + (Files.exists(directory) ? " is not a folder" : " does not exist"));
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .filter(WorkflowDeployer::isDeployable)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("workflow.directory: cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    /** What the engine gets for {@code file}: the job-worker variant of a process when asked for, else the file's bytes. */
    static byte[] deployableBytes(Path file, boolean jobWorkerUserTasks) {
        byte[] bytes = read(file);
        boolean process = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bpmn");
        return jobWorkerUserTasks && process ? EmbeddedUserTasks.jobWorkerVariant(bytes) : bytes;
    }

    private static boolean isDeployable(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".bpmn") || name.endsWith(".form");
    }

    /** The path below the folder, with forward slashes: what the engine, Operate and error messages show. */
    private static String resourceName(Path directory, Path file) {
        return directory.relativize(file).toString().replace('\\', '/');
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StartupException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /**
     * One line that names the file the engine complained about (the engine names resources in its
     * rejection) and the engine's reason; the folder when no file is named.
     */
    private static String rejectionMessage(Path directory, List<Path> files, ClientException e) {
        String reason = FailureMessages.oneLine(e.getMessage());
        List<Path> named = files.stream()
                .filter(file -> reason.contains("'" + resourceName(directory, file) + "'"))
                .toList();
        return named.isEmpty()
                ? "workflow.directory " + directory + ": deployment failed: " + reason
                : joinPaths(named) + ": deployment rejected: " + reason;
    }

    private static String joinPaths(List<Path> files) {
        return String.join(", ", files.stream().map(Path::toString).toList());
    }
}
