package io.ballast.platform.app;

import io.ballast.platform.http.RulesPort;
import io.ballast.platform.risk.ReloadAttempt;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.risk.RuleBaseValidation;
import io.ballast.platform.risk.RuleFileError;
import io.ballast.platform.risk.ScenarioResult;
import java.util.List;
import java.util.Map;

/** The REST API's rules operations, served by the risk engine. */
final class RiskEnginePort implements RulesPort {

    private final RiskEngine engine;

    RiskEnginePort(RiskEngine engine) {
        this.engine = engine;
    }

    @Override
    public RuleBase rules() {
        io.ballast.platform.risk.RulesStatus status = engine.status();
        List<RuleFileView> files = status.files().stream()
                .map(file -> new RuleFileView(file, status.rulesByFile().getOrDefault(file, List.of())))
                .toList();
        return new RuleBase(status.version(), status.activatedAt(), status.ruleCount(), files, status.limits());
    }

    @Override
    public RulesStatus status() {
        return view(engine.status());
    }

    @Override
    public Validation validate(Map<String, String> contentByPath) {
        RuleBaseValidation validation = engine.validate(contentByPath);
        return new Validation(validation.valid(), validation.version(),
                validation.errors().stream().map(RiskEnginePort::view).toList(),
                validation.scenarios().stream().map(RiskEnginePort::view).toList());
    }

    @Override
    public RulesStatus reload() {
        return view(engine.reloadNow());
    }

    private static RulesStatus view(io.ballast.platform.risk.RulesStatus status) {
        return new RulesStatus(status.version(), status.activatedAt(), status.ruleCount(), status.files(), status.limits(),
                status.lastAttempt().map(RiskEnginePort::view).orElse(null));
    }

    private static ReloadView view(ReloadAttempt attempt) {
        return new ReloadView(attempt.at(), attempt.candidateVersion(), attempt.outcome().name(),
                attempt.errors().stream().map(RiskEnginePort::view).toList(),
                attempt.failedScenarios().stream().map(RiskEnginePort::view).toList());
    }

    private static ErrorView view(RuleFileError error) {
        return new ErrorView(error.file(), error.line() == 0 ? null : error.line(), error.message());
    }

    private static ScenarioView view(ScenarioResult result) {
        return new ScenarioView(result.file(), result.name(), result.passed(), result.missing(), result.unexpected());
    }
}
