package io.ballast.platform.risk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario of a {@code rules/tests/*.yaml} file: facts given, the limits it pins, and exactly
 * the decisions the rules must make about them.
 *
 * @param file     the scenario file, relative to the rules directory
 * @param name     the scenario's name, unique within its file
 * @param limits   limits that replace or add to those of {@code limits.yaml} for this scenario only
 * @param facts    what the rules judge
 * @param expected every decision expected, no more, no fewer
 */
record Scenario(String file, String name, Map<String, Double> limits, RiskFacts facts, List<ExpectedDecision> expected) {

    Scenario {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        limits = Map.copyOf(limits);
        Objects.requireNonNull(facts, "facts");
        expected = List.copyOf(expected);
    }
}
