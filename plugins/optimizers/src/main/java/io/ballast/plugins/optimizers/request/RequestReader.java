package io.ballast.plugins.optimizers.request;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link OptimizationRequest} as one optimizer reads it: its estimates and its typed parameters
 * with their defaults. Every failure is an {@link IllegalArgumentException} whose message names
 * the field ({@code estimates}, {@code parameters.tau}, ...) and the problem, which the platform
 * shows the user as it is.
 *
 * @param request     the request being read
 * @param optimizerId the id of the optimizer reading it, for the messages
 */
public record RequestReader(OptimizationRequest request, String optimizerId) {

    public RequestReader {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(optimizerId, "optimizerId");
    }

    /** The estimates, which this optimizer cannot do without. */
    public MarketEstimates estimates() {
        return request.estimates().orElseThrow(() -> new IllegalArgumentException(
                "estimates: " + optimizerId + " needs expected returns and a covariance matrix, and the request has none"));
    }

    /** The annual covariance of the estimates, checked to have every variance positive and finite, for optimizers that divide by them. */
    public double[][] annualCovarianceWithPositiveVariances() {
        MarketEstimates estimates = estimates();
        double[][] covariance = estimates.annualCovariance();
        for (int i = 0; i < covariance.length; i++) {
            if (!(covariance[i][i] > 0) || !Double.isFinite(covariance[i][i])) {
                throw new IllegalArgumentException("estimates.annualCovariance: the variance of " + estimates.assets().get(i)
                        + " is " + covariance[i][i] + "; " + optimizerId + " needs every variance positive and finite");
            }
        }
        return covariance;
    }

    /** A NUMBER parameter, or {@code defaultValue} when the caller gave none. */
    public double number(String name, double defaultValue) {
        Object value = request.parameters().get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new IllegalArgumentException("parameters." + name + " must be a finite number, not " + value);
        }
        return number.doubleValue();
    }

    /** A STRING parameter, or {@code defaultValue} when the caller gave none. */
    public String text(String name, String defaultValue) {
        Object value = request.parameters().get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("parameters." + name + " must be a non-blank text, not " + value);
        }
        return text;
    }

    /** A NUMBER_BY_NAME parameter in the caller's order; empty when the caller gave none. */
    public Map<String, Double> numbersByName(String name) {
        Object value = request.parameters().get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException("parameters." + name + " must be a map from names to numbers, not " + value);
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        entries.forEach((key, number) -> {
            if (!(key instanceof String entryName)) {
                throw new IllegalArgumentException("parameters." + name + " has a key that is not a name: " + key);
            }
            if (!(number instanceof Number entryValue) || !Double.isFinite(entryValue.doubleValue())) {
                throw new IllegalArgumentException("parameters." + name + "." + entryName + " must be a finite number, not " + number);
            }
            numbers.put(entryName, entryValue.doubleValue());
        });
        return Collections.unmodifiableMap(numbers);
    }
}
