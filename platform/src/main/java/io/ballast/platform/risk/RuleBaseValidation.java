package io.ballast.platform.risk;

import java.util.List;
import java.util.Objects;

/**
 * The verdict on a candidate rule base that was compiled and scenario-tested but not put in service.
 *
 * @param valid     it compiled and every scenario passed: it would go live
 * @param version   the version it would have; null when the rules folder could not be read
 * @param errors    why it does not compile (file, line, message); empty when it does
 * @param scenarios every scenario's result; empty when it does not compile
 */
public record RuleBaseValidation(boolean valid, String version, List<RuleFileError> errors, List<ScenarioResult> scenarios) {

    public RuleBaseValidation {
        errors = List.copyOf(errors);
        scenarios = List.copyOf(scenarios);
    }
}
