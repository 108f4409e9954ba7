package io.ballast.platform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.platform.problem.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads portfolio weights from JSON: either an object of asset to weight, or what {@code optimize}
 * prints (an object whose {@code weights} field is that object), so the two commands chain.
 */
final class WeightsFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WeightsFile() {
    }

    /** @throws InvalidInputException naming {@code option} when the file is missing, not JSON, or holds a non-number */
    static Map<String, Double> read(Path file, String option) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException missing) {
            throw new InvalidInputException(option, "no such file: " + file);
        } catch (JsonProcessingException notJson) {
            throw new InvalidInputException(option, file + " is not JSON: " + notJson.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InvalidInputException(option, "cannot read " + file + ": " + unreadable.getMessage());
        }
        JsonNode weights = root != null && root.path("weights").isObject() ? root.get("weights") : root;
        if (weights == null || !weights.isObject() || weights.isEmpty()) {
            throw new InvalidInputException(option, file + " must hold an object of asset ids to weights, e.g. {\"AAPL\": 0.6, \"MSFT\": 0.4}");
        }
        Map<String, Double> weightByAsset = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : weights.properties()) {
            if (!entry.getValue().isNumber()) {
                throw new InvalidInputException(option, "the weight of " + entry.getKey() + " is not a number: " + entry.getValue());
            }
            weightByAsset.put(entry.getKey(), entry.getValue().doubleValue());
        }
        return weightByAsset;
    }
}
