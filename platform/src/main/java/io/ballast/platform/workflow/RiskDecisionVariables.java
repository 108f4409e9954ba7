package io.ballast.platform.workflow;

import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Risk decisions as process variables: plain maps of strings and numbers that the engine stores
 * as JSON and FEEL expressions read, e.g. {@code some d in decisions satisfies d.action = "HALT_TRADING"}.
 *
 * <p>One decision is {@code {rule, severity, action, reduceFraction (REDUCE only), subject: {kind, id}, message}},
 * enums by their Java names.
 */
final class RiskDecisionVariables {

    private RiskDecisionVariables() {
    }

    static List<Map<String, Object>> toVariables(List<RiskDecision> decisions) {
        return decisions.stream().map(RiskDecisionVariables::toVariable).toList();
    }

    static Map<String, Object> toVariable(RiskDecision decision) {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("rule", decision.rule());
        variable.put("severity", decision.severity().name());
        variable.put("action", decision.action().name());
        decision.reduceFraction().ifPresent(fraction -> variable.put("reduceFraction", fraction));
        variable.put("subject", Map.of("kind", decision.subject().kind().name(), "id", decision.subject().id()));
        variable.put("message", decision.message());
        return variable;
    }

    /** @throws IllegalArgumentException naming the entry and field that does not read as a decision */
    static List<RiskDecision> fromVariables(Object decisions) {
        if (!(decisions instanceof List<?> list)) {
            throw new IllegalArgumentException("variable decisions must be a list, got " + decisions);
        }
        return IntStream.range(0, list.size())
                .mapToObj(index -> fromVariable(list.get(index), "decisions[" + index + "]"))
                .toList();
    }

    private static RiskDecision fromVariable(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(path + " must be an object, got " + value);
        }
        String rule = field(map, "rule", String.class, path);
        String severity = field(map, "severity", String.class, path);
        String action = field(map, "action", String.class, path);
        Map<?, ?> subject = field(map, "subject", Map.class, path);
        String subjectKind = field(subject, "kind", String.class, path + ".subject");
        String subjectId = field(subject, "id", String.class, path + ".subject");
        String message = field(map, "message", String.class, path);
        OptionalDouble reduceFraction = map.get("reduceFraction") instanceof Number fraction
                ? OptionalDouble.of(fraction.doubleValue())
                : OptionalDouble.empty();
        try {
            return new RiskDecision(rule, Severity.valueOf(severity), RiskAction.valueOf(action), reduceFraction,
                    new RiskSubject(RiskSubject.Kind.valueOf(subjectKind), subjectId), message);
        } catch (IllegalArgumentException e) {
            // an enum name this version does not know, or a REDUCE without a valid fraction
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static <T> T field(Map<?, ?> map, String name, Class<T> type, String path) {
        Object value = map.get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(path + "." + name + " must be a " + type.getSimpleName() + ", got " + value);
        }
        return type.cast(value);
    }
}
