package io.ballast.platform.risk;

import io.ballast.api.risk.RiskDecisions;
import io.ballast.api.risk.RiskLimits;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.problem.FailureMessages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
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
 */
record CompiledRules(KieBase kieBase, String version, Instant activatedAt, List<String> files, int ruleCount, RiskLimits limits) {

    /** The global every rule file reports its decisions to. */
    static final String DECISIONS_GLOBAL = "decisions";

    private static final Logger log = LoggerFactory.getLogger(CompiledRules.class);

    CompiledRules {
        Objects.requireNonNull(kieBase, "kieBase");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(activatedAt, "activatedAt");
        files = List.copyOf(files);
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Compiles all files into one rule base.
     *
     * <p>The knowledge builder is used directly rather than KieServices' KieBuilder: it needs no
     * kmodule or pom, and it leaves nothing behind in the JVM-wide KieRepository, so rebuilding
     * on every rule change does not accumulate modules.
     *
     * @throws StartupException naming the file, line and compiler message of the first error
     */
    static CompiledRules compile(RuleFiles ruleFiles, Instant activatedAt) {
        RiskLimits limits = LimitsFile.parse(ruleFiles.pathOf(LimitsFile.FILE_NAME), ruleFiles.limits());
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
        int ruleCount = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
        List<String> files = ruleFiles.files().stream().map(RuleFiles.RuleFile::relativePath).toList();
        return new CompiledRules(kieBase, ruleFiles.version(), activatedAt, files, ruleCount, limits);
    }

    private static StartupException compileFailure(RuleFiles ruleFiles, List<KnowledgeBuilderError> errors) {
        List<String> lines = errors.stream().map(error -> describe(ruleFiles, error)).toList();
        lines.forEach(line -> log.warn("Rule compilation error: {}", line));
        String first = lines.getFirst();
        return new StartupException(lines.size() == 1 ? first
                : first + " (and " + (lines.size() - 1) + " more compiler messages in the log)");
    }

    /** {@code <file>:<line>: <message>} on one line. */
    private static String describe(RuleFiles ruleFiles, KnowledgeBuilderError error) {
        String where = error.getResource() == null || error.getResource().getSourcePath() == null
                ? ruleFiles.directory().toString()
                : ruleFiles.pathOf(error.getResource().getSourcePath()).toString();
        int[] lines = error.getLines();
        if (lines != null && lines.length > 0 && lines[0] > 0) {
            where += ":" + lines[0];
        }
        // compiler messages span lines (MVEL draws a caret under the expression); the exception is one line
        return where + ": " + FailureMessages.oneLine(error.getMessage());
    }

    private static void requireDecisionsGlobal(RuleFiles ruleFiles, KieBase kieBase) {
        String expectedType = RiskDecisions.class.getName();
        boolean declared = false;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Global global : pkg.getGlobalVariables()) {
                if (DECISIONS_GLOBAL.equals(global.getName())) {
                    if (!expectedType.equals(global.getType())) {
                        throw new StartupException("rules directory " + ruleFiles.directory() + ": package " + pkg.getName()
                                + " declares global " + DECISIONS_GLOBAL + " as " + global.getType() + ", it must be " + expectedType);
                    }
                    declared = true;
                }
            }
        }
        if (!declared) {
            throw new StartupException("rules directory " + ruleFiles.directory() + ": no rule file declares \"global "
                    + expectedType + " " + DECISIONS_GLOBAL + ";\", which rules report their decisions to");
        }
    }
}
