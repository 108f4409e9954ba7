package io.ballast.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.platform.problem.InvalidInputException;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** {@code listRules}, {@code getRulesStatus}, {@code validateRules} and {@code reloadRules}. */
final class RuleHandlers {

    /** A file the rules folder is made of: a {@code .drl} file (in a sub-folder or not), {@code limits.yaml}, or {@code tests/<name>.yaml}. */
    private static final Pattern RULE_FILE = Pattern.compile("(?:[^/\\\\]+/)*[^/\\\\]+\\.drl|limits\\.yaml|tests/[^/\\\\]+\\.yaml");

    private final RulesPort rules;

    RuleHandlers(RulesPort rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    void list(RoutingContext rc) {
        rc.vertx()
                .executeBlocking(rules::rules, false)
                .onSuccess(ruleBase -> JsonBodies.send(rc, 200, ruleBase))
                .onFailure(rc::fail);
    }

    void status(RoutingContext rc) {
        rc.vertx()
                .executeBlocking(rules::status, false)
                .onSuccess(status -> JsonBodies.send(rc, 200, status))
                .onFailure(rc::fail);
    }

    /** The body passed the contract (files: a non-empty list of {path, content}); the paths are checked here. */
    void validate(RoutingContext rc) {
        JsonNode files = JsonBodies.read(rc, JsonNode.class).get("files");
        Map<String, String> contentByPath = new LinkedHashMap<>();
        List<Problem.FieldError> refused = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String path = files.get(i).get("path").asText();
            String field = "files[" + i + "].path";
            String problem = pathProblem(path);
            if (problem != null) {
                refused.add(new Problem.FieldError(field, problem));
            } else if (contentByPath.putIfAbsent(path, files.get(i).get("content").asText()) != null) {
                refused.add(new Problem.FieldError(field, path + " is sent twice"));
            }
        }
        if (!refused.isEmpty()) {
            // the contract cannot say which paths are inside the rules folder; it is the same kind of refusal, so 400
            JsonBodies.send(rc, 400, JsonBodies.PROBLEM_JSON, Problem.withErrors(400,
                    "The request names a file that is not a rule file of the rules folder: " + refused.getFirst().field(),
                    refused));
            return;
        }
        rc.vertx()
                .executeBlocking(() -> rules.validate(contentByPath), false)
                .onSuccess(validation -> JsonBodies.send(rc, 200, validation))
                .onFailure(rc::fail);
    }

    /**
     * 200 with the status when the folder was put in service or was already; 422 when it was
     * rejected, so that a caller (a deploy script) cannot take a refused edit for a live one. The
     * problem names every error and failed scenario; the full status is at {@code GET /rules/status}.
     */
    void reload(RoutingContext rc) {
        rc.vertx()
                .executeBlocking(rules::reload, false)
                .onSuccess(status -> {
                    RulesPort.ReloadView attempt = status.lastReload();
                    if (attempt != null && "REJECTED".equals(attempt.outcome())) {
                        JsonBodies.send(rc, 422, JsonBodies.PROBLEM_JSON, rejected(status, attempt));
                    } else {
                        JsonBodies.send(rc, 200, status);
                    }
                })
                .onFailure(rc::fail);
    }

    private static Problem rejected(RulesPort.RulesStatus status, RulesPort.ReloadView attempt) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (RulesPort.ErrorView error : attempt.errors()) {
            errors.add(new Problem.FieldError(error.file().isEmpty() ? "rules" : error.file(),
                    (error.line() == null ? "" : "line " + error.line() + ": ") + error.message()));
        }
        for (RulesPort.ScenarioView scenario : attempt.failedScenarios()) {
            errors.add(new Problem.FieldError(scenario.file(), "scenario '" + scenario.name() + "' failed: missing "
                    + scenario.missing() + "; unexpected " + scenario.unexpected()));
        }
        return Problem.withErrors(422, "The rules folder (candidate version " + attempt.candidateVersion()
                + ") was not put in service; version " + status.version() + " goes on deciding", errors);
    }

    /** Why {@code path} is not a rule file below the rules folder; null when it is one. */
    static String pathProblem(String path) {
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("^[A-Za-z]:.*")) {
            return "must be relative to the rules folder, not absolute: " + path;
        }
        for (String segment : path.split("[/\\\\]", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                return "must name a file below the rules folder, without '.', '..' or empty segments: " + path;
            }
        }
        if (!RULE_FILE.matcher(path).matches()) {
            return "must be a .drl file, limits.yaml or tests/<name>.yaml: " + path;
        }
        return null;
    }
}
