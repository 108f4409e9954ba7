package io.ballast.platform.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.api.optimizer.InvestorView;
import io.ballast.platform.problem.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The JSON files the analysis commands take: numbers by asset (weights, market capitalisations,
 * risk budgets) and Black-Litterman views. Every problem names the option the file came with.
 */
final class JsonInputFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonInputFiles() {
    }

    /**
     * An object of asset ids to numbers, e.g. {@code {"AAPL": 0.6, "MSFT": 0.4}}; when the object has
     * a {@code weights} object, that one (so what {@code optimize} prints can be given as weights).
     */
    static Map<String, Double> numbersByAsset(Path file, String option) {
        JsonNode root = read(file, option);
        JsonNode numbers = root != null && root.path("weights").isObject() ? root.get("weights") : root;
        if (numbers == null || !numbers.isObject() || numbers.isEmpty()) {
            throw new InvalidInputException(option, file + " must hold an object of asset ids to numbers, e.g. {\"AAPL\": 0.6, \"MSFT\": 0.4}");
        }
        return numbers(numbers, option, "");
    }

    /**
     * Views as a list: {@code [{"pick": {"AAPL": 1, "MSFT": -1}, "expectedReturn": 0.02,
     * "confidence": 0.6}]}; a view without a confidence takes He-Litterman's default uncertainty.
     */
    static List<InvestorView> views(Path file, String option) {
        JsonNode root = read(file, option);
        if (root == null || !root.isArray()) {
            throw new InvalidInputException(option, file + " must hold a list of views, e.g."
                    + " [{\"pick\": {\"AAPL\": 1, \"MSFT\": -1}, \"expectedReturn\": 0.02, \"confidence\": 0.6}]");
        }
        List<InvestorView> views = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode view = root.get(i);
            String where = "view " + (i + 1) + " ";
            if (!view.path("pick").isObject() || !view.path("expectedReturn").isNumber()) {
                throw new InvalidInputException(option, where + "needs a pick object and an expectedReturn number");
            }
            JsonNode confidence = view.path("confidence");
            if (!confidence.isMissingNode() && !confidence.isNumber()) {
                throw new InvalidInputException(option, where + "has a confidence that is not a number: " + confidence);
            }
            try {
                views.add(new InvestorView(numbers(view.get("pick"), option, where + "pick: "), view.get("expectedReturn").doubleValue(),
                        confidence.isNumber() ? OptionalDouble.of(confidence.doubleValue()) : OptionalDouble.empty()));
            } catch (IllegalArgumentException refused) {
                throw new InvalidInputException(option, where + refused.getMessage());
            }
        }
        return views;
    }

    private static Map<String, Double> numbers(JsonNode object, String option, String where) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            if (!entry.getValue().isNumber()) {
                throw new InvalidInputException(option, where + "the number of " + entry.getKey() + " is not a number: " + entry.getValue());
            }
            numbers.put(entry.getKey(), entry.getValue().doubleValue());
        }
        return numbers;
    }

    private static JsonNode read(Path file, String option) {
        try {
            return MAPPER.readTree(Files.readString(file));
        } catch (NoSuchFileException missing) {
            throw new InvalidInputException(option, "no such file: " + file);
        } catch (JsonProcessingException notJson) {
            throw new InvalidInputException(option, file + " is not JSON: " + notJson.getOriginalMessage());
        } catch (IOException unreadable) {
            throw new InvalidInputException(option, "cannot read " + file + ": " + unreadable.getMessage());
        }
    }
}
