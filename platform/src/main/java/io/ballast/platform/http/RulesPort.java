package io.ballast.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the rules operations of the REST API need from the risk stage. Every method may block
 * (a validation or reload compiles the rules and runs their scenarios); the API calls them off the
 * event loop. The records are the contract's Rules schemas as they go on the wire.
 */
public interface RulesPort {

    /** The rule base in service: its files with their rules, version, activation time and limits. */
    RuleBase rules();

    /** The rule base in service and the last reload attempt. */
    RulesStatus status();

    /**
     * Compiles the rules folder with these files replaced or added and runs every scenario; puts nothing in service.
     *
     * @param contentByPath file text by path below the rules folder (already checked: a {@code .drl}
     *                      file, {@code limits.yaml} or {@code tests/<name>.yaml}, no {@code ..})
     */
    Validation validate(Map<String, String> contentByPath);

    /** Reads the rules folder now and puts it in service when it compiles and passes its scenarios. */
    RulesStatus reload();

    /** @param path the file below the rules folder; @param rules the names of the rules it defines */
    record RuleFileView(String path, List<String> rules) {
        public RuleFileView {
            Objects.requireNonNull(path, "path");
            rules = List.copyOf(rules);
        }
    }

    record RuleBase(String version, Instant activatedAt, int ruleCount, List<RuleFileView> files, Map<String, Double> limits) {
        public RuleBase {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(activatedAt, "activatedAt");
            files = List.copyOf(files);
            Objects.requireNonNull(limits, "limits");
        }
    }

    /** @param line null when not known */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorView(String file, Integer line, String message) {
    }

    record ScenarioView(String file, String name, boolean passed, List<String> missing, List<String> unexpected) {
    }

    /** @param candidateVersion null when the folder could not be read */
    record ReloadView(Instant at, String candidateVersion, String outcome, List<ErrorView> errors, List<ScenarioView> failedScenarios) {
    }

    /** @param lastReload null (left out) when no reload was attempted since start */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RulesStatus(String version, Instant activatedAt, int ruleCount, List<String> files, Map<String, Double> limits,
                       ReloadView lastReload) {
        public RulesStatus {
            files = List.copyOf(files);
        }
    }

    /** @param version null when the folder could not be read */
    record Validation(boolean valid, String version, List<ErrorView> errors, List<ScenarioView> scenarios) {
    }
}
