package io.ballast.platform.risk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ballast.api.risk.RiskLimits;
import io.ballast.platform.problem.FailureMessages;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code rules/limits.yaml}: nested maps of numbers, flattened to dotted names
 * ({@code stopLoss: {hardLossFraction: 0.08}} is the limit {@code stopLoss.hardLossFraction}).
 */
final class LimitsFile {

    static final String FILE_NAME = "limits.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private LimitsFile() {
    }

    /**
     * @param directory the rules folder, for messages
     * @param content   the file's text; blank means no limits
     * @throws RuleFileException naming the file (and line, or the limit) when it is not a map of numbers
     */
    static RiskLimits parse(Path directory, String content) {
        JsonNode root;
        try {
            root = YAML.readTree(content);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            throw new RuleFileException(directory, new RuleFileError(FILE_NAME, line,
                    "not valid YAML: " + FailureMessages.oneLine(e.getOriginalMessage())));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return RiskLimits.of(values);
        }
        if (!root.isObject()) {
            throw new RuleFileException(directory, new RuleFileError(FILE_NAME, 0, "must be a map of limit names to numbers"));
        }
        flatten(directory, "", root, values);
        return RiskLimits.of(values);
    }

    private static void flatten(Path directory, String prefix, JsonNode node, Map<String, Double> values) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(directory, name + ".", value, values);
            } else if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                values.put(name, value.doubleValue());
            } else {
                throw new RuleFileException(directory, new RuleFileError(FILE_NAME, 0,
                        "limit " + name + " must be a number, not " + describe(value)));
            }
        }
    }

    private static String describe(JsonNode value) {
        return value.isTextual() ? "the text \"" + value.asText() + "\"" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
