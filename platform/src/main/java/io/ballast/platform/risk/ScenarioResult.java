package io.ballast.platform.risk;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How one scenario went against a candidate rule base.
 *
 * @param file       the scenario file, relative to the rules directory
 * @param name       the scenario's name
 * @param missing    expected decisions the rules did not make, as the file states them
 * @param unexpected decisions the rules made that the scenario does not expect, with their messages
 */
public record ScenarioResult(String file, String name, List<String> missing, List<String> unexpected) {

    public ScenarioResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
    }

    public boolean passed() {
        return missing.isEmpty() && unexpected.isEmpty();
    }

    /** {@code <folder>/tests/x.yaml: scenario 'name' failed: missing [...]; unexpected [...]}, one line, the way a person finds it. */
    public String describe(Path directory) {
        return directory.resolve(file) + ": scenario '" + name + "' " + (passed() ? "passed"
                : "failed: missing " + missing + "; unexpected " + unexpected);
    }
}
