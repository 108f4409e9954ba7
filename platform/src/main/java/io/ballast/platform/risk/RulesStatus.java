package io.ballast.platform.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rule base in service and how the last attempt to replace it went.
 *
 * @param directory   the rules folder
 * @param version     the version in service
 * @param activatedAt when it was put in service
 * @param files       its rule files, relative to the folder
 * @param rulesByFile the names of the rules of each file
 * @param ruleCount   how many rules it has
 * @param limits      its limits, by dotted name
 * @param lastAttempt the last reload attempt; empty when none was made since start
 */
public record RulesStatus(String directory, String version, Instant activatedAt, List<String> files,
                          Map<String, List<String>> rulesByFile, int ruleCount, Map<String, Double> limits,
                          Optional<ReloadAttempt> lastAttempt) {

    public RulesStatus {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(activatedAt, "activatedAt");
        files = List.copyOf(files);
        Objects.requireNonNull(rulesByFile, "rulesByFile");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
    }
}
