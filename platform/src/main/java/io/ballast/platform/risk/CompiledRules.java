package io.ballast.platform.risk;

import io.ballast.api.risk.RiskDecisions;
import io.ballast.api.risk.RiskLimits;
import io.ballast.platform.problem.FailureMessages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.KieResources;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One compiled version of the rule base: immutable, shared by every evaluation, swapped whole
 * when the rules change.
 *
 * @param kieBase     the compiled rules; thread-safe, sessions are made from it per evaluation
 * @param version     the content hash of the rule files ({@link RuleFiles#version()})
 * @param activatedAt when this version was compiled and put in service
 * @param files       the rule files, relative to the rules directory, in load order
 * @param ruleCount   how many rules the files define
 * @param limits      the thresholds of {@code limits.yaml}, inserted into every evaluation
 * @param rulesByFile the names of the rules each file defines, by file, in load order
 */
record CompiledRules(KieBase kieBase, String version, Instant activatedAt, List<String> files, int ruleCount, RiskLimits limits,
                     Map<String, List<String>> rulesByFile) {

    /** The global every rule file reports its decisions to. */
    static final String DECISIONS_GLOBAL = "decisions";

    /** How a rule reads a threshold: {@code value("stopLoss.hardLossFraction")}. */
    private static final Pattern LIMIT_READ = Pattern.compile("\\bvalue\\(\\s*\"([^\"]+)\"\\s*\\)");

    private static final Logger log = LoggerFactory.getLogger(CompiledRules.class);

    CompiledRules {
        Objects.requireNonNull(kieBase, "kieBase");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(activatedAt, "activatedAt");
        files = List.copyOf(files);
        Objects.requireNonNull(limits, "limits");
        rulesByFile = Collections.unmodifiableMap(new LinkedHashMap<>(rulesByFile));
    }

    /** The same rules, put in service at another time. */
    CompiledRules activatedAt(Instant newActivatedAt) {
        return new CompiledRules(kieBase, version, newActivatedAt, files, ruleCount, limits, rulesByFile);
    }

    /**
     * Compiles all files into one rule base.
     *
     * <p>The knowledge builder is used directly rather than KieServices' KieBuilder: it needs no
     * kmodule or pom, and it leaves nothing behind in the JVM-wide KieRepository, so rebuilding
     * on every rule change does not accumulate modules.
     *
     * @throws RuleFileException with every compiler message (file, line, message); its message names the first
     */
    static CompiledRules compile(RuleFiles ruleFiles, Instant activatedAt) {
        RiskLimits limits = LimitsFile.parse(ruleFiles.directory(), ruleFiles.limits());
        requireNamedLimits(ruleFiles, limits);
        KieResources resources = KieServices.get().getResources();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(
                KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(CompiledRules.class.getClassLoader()));
        // one batch, so that rule files may use types and functions declared in another file
        CompositeKnowledgeBuilder batch = builder.batch();
        for (RuleFiles.RuleFile file : ruleFiles.files()) {
            batch.add(resources.newByteArrayResource(file.content().getBytes(StandardCharsets.UTF_8), "UTF-8")
                    .setSourcePath(file.relativePath()), ResourceType.DRL);
        }
        batch.build();
        if (builder.hasErrors()) {
            throw compileFailure(ruleFiles, List.copyOf(builder.getErrors()));
        }
        KieBase kieBase = builder.newKieBase();
        requireDecisionsGlobal(ruleFiles, kieBase);
        List<String> files = ruleFiles.files().stream().map(RuleFiles.RuleFile::relativePath).toList();
        Map<String, List<String>> rulesByFile = rulesByFile(files, kieBase);
        int ruleCount = rulesByFile.values().stream().mapToInt(List::size).sum();
        return new CompiledRules(kieBase, ruleFiles.version(), activatedAt, files, ruleCount, limits, rulesByFile);
    }

    private static Map<String, List<String>> rulesByFile(List<String> files, KieBase kieBase) {
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        files.forEach(file -> byFile.put(file, new ArrayList<>()));
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                // the public Rule interface does not say where a rule was written; the engine's own type does
                String file = rule instanceof RuleImpl impl && impl.getResource() != null ? impl.getResource().getSourcePath() : null;
                byFile.computeIfAbsent(file == null ? "" : file, unknown -> new ArrayList<>()).add(rule.getName());
            }
        }
        byFile.replaceAll((file, names) -> names.stream().sorted().toList());
        return byFile;
    }

    /**
     * Every {@code value("name")} a rule file reads must be in limits.yaml. Drools cannot see this
     * (the name is a string): unchecked, a misspelt limit would compile, pass the scenarios that never
     * reach it, and then fail every evaluation whose facts do.
     */
    private static void requireNamedLimits(RuleFiles ruleFiles, RiskLimits limits) {
        List<RuleFileError> unknown = new ArrayList<>();
        for (RuleFiles.RuleFile file : ruleFiles.files()) {
            String[] lines = file.content().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher read = LIMIT_READ.matcher(lines[i]);
                while (read.find()) {
                    if (!limits.values().containsKey(read.group(1))) {
                        unknown.add(new RuleFileError(file.relativePath(), i + 1, "limit \"" + read.group(1)
                                + "\" is not in " + LimitsFile.FILE_NAME + "; the limits are " + limits.values().keySet()));
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new RuleFileException(ruleFiles.directory(), unknown);
        }
    }

    private static RuleFileException compileFailure(RuleFiles ruleFiles, List<KnowledgeBuilderError> errors) {
        List<RuleFileError> described = errors.stream().map(CompiledRules::describe).toList();
        described.forEach(error -> log.warn("Rule compilation error: {}", error.describe(ruleFiles.directory())));
        return new RuleFileException(ruleFiles.directory(), described);
    }

    private static RuleFileError describe(KnowledgeBuilderError error) {
        String file = error.getResource() == null || error.getResource().getSourcePath() == null
                ? "" : error.getResource().getSourcePath();
        int[] lines = error.getLines();
        int line = lines != null && lines.length > 0 && lines[0] > 0 ? lines[0] : 0;
        // compiler messages span lines (MVEL draws a caret under the expression); an error is one line
        return new RuleFileError(file, line, FailureMessages.oneLine(error.getMessage()));
    }

    private static void requireDecisionsGlobal(RuleFiles ruleFiles, KieBase kieBase) {
        String expectedType = RiskDecisions.class.getName();
        boolean declared = false;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global global : pkg.getGlobalVariables()) {
                if (DECISIONS_GLOBAL.equals(global.getName())) {
                    if (!expectedType.equals(global.getType())) {
                        throw new RuleFileException(ruleFiles.directory(), new RuleFileError("", 0, "rules directory "
                                + ruleFiles.directory() + ": package " + pkg.getName() + " declares global " + DECISIONS_GLOBAL
                                + " as " + global.getType() + ", it must be " + expectedType));
                    }
                    declared = true;
                }
            }
        }
        if (!declared) {
            throw new RuleFileException(ruleFiles.directory(), new RuleFileError("", 0, "rules directory " + ruleFiles.directory()
                    + ": no rule file declares \"global " + expectedType + " " + DECISIONS_GLOBAL + ";\", which rules report their decisions to"));
        }
    }
}
