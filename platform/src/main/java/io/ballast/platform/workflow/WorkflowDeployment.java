package io.ballast.platform.workflow;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one deployment put into the engine.
 *
 * @param processVersions BPMN process id to the version the engine gave it (1 for the first deployment of that id)
 * @param formVersions    form id to the version the engine gave it
 */
public record WorkflowDeployment(Map<String, Integer> processVersions, Map<String, Integer> formVersions) {

    public static final WorkflowDeployment NONE = new WorkflowDeployment(Map.of(), Map.of());

    public WorkflowDeployment {
        processVersions = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(processVersions, "processVersions")));
        formVersions = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(formVersions, "formVersions")));
    }
}
