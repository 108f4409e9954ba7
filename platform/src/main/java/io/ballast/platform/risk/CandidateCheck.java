package io.ballast.platform.risk;

import io.ballast.platform.app.StartupException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A candidate rule base put to the test: its files compiled, then every scenario run on it. It may
 * go live only when {@link #passed()}.
 *
 * @param version   the candidate's version; null when its files could not even be read
 * @param rules     the compiled candidate; empty when it did not compile
 * @param errors    what kept it from compiling (rule files, limits, scenario files, the folder)
 * @param scenarios every scenario's result, in file and then file order; empty when it did not compile
 */
record CandidateCheck(String version, Optional<CompiledRules> rules, List<RuleFileError> errors, List<ScenarioResult> scenarios) {

    CandidateCheck {
        Objects.requireNonNull(rules, "rules");
        errors = List.copyOf(errors);
        scenarios = List.copyOf(scenarios);
    }

    /** Reads the folder and checks what it holds, the scenarios within {@code timeout} together. */
    static CandidateCheck ofFolder(Path directory, Instant compiledAt, Duration timeout) {
        RuleFiles files;
        try {
            files = RuleFiles.read(directory);
        } catch (StartupException unreadable) {
            return new CandidateCheck(null, Optional.empty(), List.of(new RuleFileError("", 0, unreadable.getMessage())), List.of());
        }
        return of(files, compiledAt, timeout);
    }

    /**
     * @param timeout how long all scenarios together may run; a candidate whose scenarios have not
     *                finished by then (a rule looping forever) fails, with the scenario it was stuck on
     */
    static CandidateCheck of(RuleFiles files, Instant compiledAt, Duration timeout) {
        CompiledRules compiled;
        List<Scenario> scenarios = new ArrayList<>();
        try {
            compiled = CompiledRules.compile(files, compiledAt);
            for (RuleFiles.RuleFile scenarioFile : files.scenarios()) {
                scenarios.addAll(ScenarioFile.parse(files.directory(), scenarioFile.relativePath(), scenarioFile.content()));
            }
        } catch (RuleFileException refused) {
            return new CandidateCheck(files.version(), Optional.empty(), refused.errors(), List.of());
        }
        List<ScenarioResult> results = ScenarioRunner.runAll(compiled, scenarios, timeout);
        return new CandidateCheck(files.version(), Optional.of(compiled), List.of(), results);
    }

    boolean passed() {
        return errors.isEmpty() && rules.isPresent() && scenarios.stream().allMatch(ScenarioResult::passed);
    }

    List<ScenarioResult> failedScenarios() {
        return scenarios.stream().filter(result -> !result.passed()).toList();
    }

    /** What a validation request is answered. */
    RuleBaseValidation validation() {
        return new RuleBaseValidation(passed(), version, errors, scenarios);
    }

    /**
     * Every reason it failed, one line each: {@code <file>:<line>: <message>} for an error, the
     * scenario's file, name and differences for a failed scenario.
     */
    List<String> problems(Path directory) {
        List<String> problems = new ArrayList<>();
        errors.forEach(error -> problems.add(error.describe(directory)));
        failedScenarios().forEach(failed -> problems.add(failed.describe(directory)));
        return problems;
    }
}
