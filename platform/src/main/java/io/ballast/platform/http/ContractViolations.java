package io.ballast.platform.http;

import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a request the contract refused into a 400 problem whose {@code errors[].field} names each
 * offending field in the same JSON-path style as {@link io.ballast.platform.problem.InvalidInputException}:
 * {@code positions[0].quantity}.
 *
 * <p>The JSON-schema validator reports a tree: a failed {@code properties}, {@code items} or
 * {@code $ref} only says that something below it failed, and {@code additionalProperties} is also
 * reported for a declared property whose value failed and for an object holding an undeclared
 * property. Only the leaves are kept: the failed keywords, plus an {@code additionalProperties}
 * failure with nothing else failing at or below it, which is a property the schema does not declare.
 * A failure of the body as a whole (not an object, not JSON) names no field; the detail says it.
 * A parameter's failure (a header, a query or path parameter) is named by the parameter's name.
 */
final class ContractViolations {

    private static final String DOCUMENT_URI = "app:///#";

    private static final Set<String> STRUCTURAL_KEYWORDS = Set.of(
            "properties", "items", "prefixItems", "$ref", "additionalProperties", "allOf", "anyOf", "oneOf");
    private static final Pattern MISSING_PROPERTY = Pattern.compile("required property \"([^\"]+)\"");
    /** How vertx-openapi words a parameter's violation: "The value of header parameter Idempotency-Key is invalid. Reason: ...". */
    private static final Pattern PARAMETER = Pattern.compile(
            "^The (?:value|formatting of the value) of (?:header|query|path|cookie) parameter (\\S+) (?:is invalid\\. Reason: )?(.*)$");

    private final JsonObject document;

    /** @param document the contract as Vert.x read it, to quote the pattern a string failed to match */
    ContractViolations(JsonObject document) {
        this.document = document;
    }

    Problem toProblem(ValidatorException violation) {
        String detail = "The request does not match the API contract (/openapi.yaml)";
        // a parameter's violation names the parameter only in its message; its schema errors are at the root
        Matcher parameter = PARAMETER.matcher(String.valueOf(violation.getMessage()));
        String parameterName = parameter.find() ? parameter.group(1) : "";
        if (!(violation instanceof SchemaValidationException schemaViolation)) {
            List<Problem.FieldError> errors = parameterName.isEmpty() ? List.of()
                    : List.of(new Problem.FieldError(parameterName, parameter.group(2).strip()));
            return Problem.withErrors(400, detail + ": " + violation.getMessage(), errors);
        }
        List<Problem.FieldError> errors = fieldErrors(schemaViolation.getOutputUnit(), parameterName);
        return Problem.withErrors(400, errors.isEmpty() || !parameterName.isEmpty() ? detail + ": " + violation.getMessage() : detail,
                errors);
    }

    /** @param rootName what the root of the validated value is called: a parameter's name, or "" for the body */
    private List<Problem.FieldError> fieldErrors(OutputUnit root, String rootName) {
        List<OutputUnit> units = root.getErrors() == null || root.getErrors().isEmpty() ? List.of(root) : root.getErrors();
        List<OutputUnit> failedKeywords = units.stream()
                .filter(unit -> !STRUCTURAL_KEYWORDS.contains(keyword(unit)))
                .toList();
        Set<Problem.FieldError> errors = new LinkedHashSet<>();
        for (OutputUnit unit : failedKeywords) {
            if ("required".equals(keyword(unit))) {
                Matcher missing = MISSING_PROPERTY.matcher(String.valueOf(unit.getError()));
                String location = missing.find() ? unit.getInstanceLocation() + "/" + missing.group(1) : unit.getInstanceLocation();
                errors.add(fieldError(location, "is required"));
            } else if ("pattern".equals(keyword(unit)) && schemaValue(unit) instanceof String pattern) {
                errors.add(fieldError(unit.getInstanceLocation(), "does not match the pattern " + pattern));
            } else {
                errors.add(fieldError(unit.getInstanceLocation(), unit.getError()));
            }
        }
        for (OutputUnit unit : units) {
            String location = unit.getInstanceLocation();
            boolean undeclared = "additionalProperties".equals(keyword(unit))
                    && failedKeywords.stream().noneMatch(failed -> failed.getInstanceLocation().equals(location))
                    && units.stream().noneMatch(other -> isBelow(other.getInstanceLocation(), location));
            if (undeclared) {
                errors.add(fieldError(location, "is not a property of this object"));
            }
        }
        List<Problem.FieldError> named = new ArrayList<>();
        for (Problem.FieldError error : errors) {
            if (!error.field().isEmpty()) {
                named.add(error);
            } else if (!rootName.isEmpty()) {
                named.add(new Problem.FieldError(rootName, error.problem()));
            }
        }
        return named;
    }

    private static Problem.FieldError fieldError(String instanceLocation, String problem) {
        return new Problem.FieldError(jsonPath(instanceLocation), problem == null ? "is not valid" : problem);
    }

    /**
     * The value of the failed keyword in the contract, when the validator's absolute location points
     * into the document (it does for schemas reached through a $ref to #/components); otherwise null.
     */
    private Object schemaValue(OutputUnit unit) {
        String location = unit.getAbsoluteKeywordLocation();
        if (location == null || !location.startsWith(DOCUMENT_URI + "/components/")) {
            return null;
        }
        return JsonPointer.from(location.substring(DOCUMENT_URI.length())).queryJson(document);
    }

    private static String keyword(OutputUnit unit) {
        String location = String.valueOf(unit.getKeywordLocation());
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static boolean isBelow(String location, String ancestor) {
        return location.startsWith(ancestor + "/");
    }

    /** {@code #/positions/0/quantity} (a JSON pointer in a URI fragment) becomes {@code positions[0].quantity}; the root becomes "". */
    static String jsonPath(String instanceLocation) {
        String pointer = instanceLocation == null ? "" : instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
        StringBuilder path = new StringBuilder();
        for (String token : pointer.split("/")) {
            if (token.isEmpty()) {
                continue;
            }
            String segment = token.replace("~1", "/").replace("~0", "~");
            if (segment.chars().allMatch(Character::isDigit)) {
                path.append('[').append(segment).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(segment);
            }
        }
        return path.toString();
    }
}
