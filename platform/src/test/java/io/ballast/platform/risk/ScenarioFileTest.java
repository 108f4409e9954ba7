package io.ballast.platform.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.risk.PortfolioRisk;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.ProposedTrade;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.api.risk.VolatilityRegime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFileTest {

    private static final Path RULES = Path.of("rules");
    private static final String FILE = "tests/stop-loss.yaml";

    private static List<Scenario> parse(String yaml) {
        return ScenarioFile.parse(RULES, FILE, yaml);
    }

    @Test
    void aScenarioGetsItsFactsWithTheDocumentedDefaults() {
        List<Scenario> scenarios = parse("""
                scenarios:
                  - name: a long down exactly 5% is halved by the soft stop
                    limits:
                      stopLoss.softLossFraction: 0.05
                    given:
                      portfolio:
                        netAssetValue: 1000000
                        peakNetAssetValue: 1250000
                      positions:
                        - {asset: AAPL, quantity: 100, averageEntryPrice: 100, lastPrice: 95}
                        - {asset: TSLA, quantity: -5, averageEntryPrice: 200, lastPrice: 210, sector: Autos, weight: -0.1,
                           leverage: 2, liquidationPrice: 300, peakPriceSinceEntry: 190, portfolioId: other}
                      trades:
                        - {id: t1, asset: AAPL, side: BUY, quantity: 10, notional: 950, currentWeight: 0.095,
                           resultingWeight: 0.105, currentSectorWeight: 0.19, resultingSectorWeight: 0.2, resultingLeverage: 1.0}
                    expect:
                      - {rule: soft stop-loss, action: REDUCE, subject: "asset:AAPL", severity: WARNING, reduceFraction: 0.5}
                      - {rule: trade check, action: NEEDS_APPROVAL, subject: "trade:t1", messageContains: "10.5%"}
                """);

        assertThat(scenarios).hasSize(1);
        Scenario scenario = scenarios.getFirst();
        assertThat(scenario.file()).isEqualTo(FILE);
        assertThat(scenario.name()).isEqualTo("a long down exactly 5% is halved by the soft stop");
        assertThat(scenario.limits()).isEqualTo(Map.of("stopLoss.softLossFraction", 0.05));
        // portfolio defaults: id "scenario", every figure not given 0, regime NORMAL
        assertThat(scenario.facts().portfolio()).contains(new PortfolioRisk("scenario", 1_000_000, 1_250_000, 0, 0, 0, 0, 0, 0, 0, 0,
                VolatilityRegime.NORMAL));
        // AAPL: 95 / 100 - 1 = -0.05; peak the better of 100 and 95; weight 0, leverage 1, no liquidation price
        // TSLA short: (210 - 200) / 200 = 0.05 against it, so -0.05; everything else as given
        assertThat(scenario.facts().positions()).containsExactly(
                new PositionRisk("scenario", "AAPL", "Unclassified", 100, 100, 95, -0.05, 100, 0, 1, null),
                new PositionRisk("other", "TSLA", "Autos", -5, 200, 210, -0.05, 190, -0.1, 2, 300.0));
        assertThat(scenario.facts().trades()).containsExactly(
                new ProposedTrade("t1", "scenario", "AAPL", "Unclassified", OrderSide.BUY, 10, 950, 0.095, 0.105, 0.19, 0.2, 1.0));
        assertThat(scenario.expected()).containsExactly(
                new ExpectedDecision("soft stop-loss", RiskAction.REDUCE, RiskSubject.asset("AAPL"), Optional.of(Severity.WARNING),
                        OptionalDouble.of(0.5), Optional.empty()),
                new ExpectedDecision("trade check", RiskAction.NEEDS_APPROVAL, RiskSubject.trade("t1"), Optional.empty(),
                        OptionalDouble.empty(), Optional.of("10.5%")));
    }

    @Test
    void aPortfolioGivenOnlyByItsNavPeaksThereAndNoFactsAreNeeded() {
        Scenario scenario = parse("""
                scenarios:
                  - name: calm
                    given:
                      portfolio: {netAssetValue: 500, volatilityRegime: HIGH}
                    expect: []
                  - name: nothing at all
                    expect: []
                """).getFirst();

        assertThat(scenario.facts().portfolio()).contains(new PortfolioRisk("scenario", 500, 500, 0, 0, 0, 0, 0, 0, 0, 0,
                VolatilityRegime.HIGH));
        assertThat(scenario.facts().positions()).isEmpty();
        assertThat(scenario.expected()).isEmpty();
    }

    @Test
    void aBlankFileHoldsNoScenarios() {
        assertThat(parse("")).isEmpty();
        assertThat(parse("# nothing yet\n")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a misspelt position key | positions: [{asset: A, quantty: 1, averageEntryPrice: 1, lastPrice: 1}] | "
                    + "scenario 'x': unknown key given.positions[0].quantty (known: asset, averageEntryPrice, lastPrice, leverage, "
                    + "liquidationPrice, peakPriceSinceEntry, portfolioId, quantity, sector, unrealisedPnlFraction, weight)",
            "a missing required key | positions: [{asset: A, averageEntryPrice: 1, lastPrice: 1}] | "
                    + "scenario 'x': key given.positions[0].quantity is required",
            "text for a number | positions: [{asset: A, quantity: ten, averageEntryPrice: 1, lastPrice: 1}] | "
                    + "scenario 'x': key given.positions[1 - 1].quantity must be a number, not the text \"ten\"",
            "a negative price | positions: [{asset: A, quantity: 1, averageEntryPrice: -1, lastPrice: 1}] | "
                    + "scenario 'x': given.positions[0]: averageEntryPrice of A must be a positive number: -1.0",
            "an unknown side | trades: [{id: t, asset: A, side: HOLD, quantity: 1, notional: 1, currentWeight: 0, resultingWeight: 0, currentSectorWeight: 0, resultingSectorWeight: 0, resultingLeverage: 0}] | "
                    + "scenario 'x': key given.trades[0].side must be one of [BUY, SELL], not \"HOLD\"",
            "a trade without its leverage | trades: [{id: t, asset: A, side: BUY, quantity: 1, notional: 1, currentWeight: 0, resultingWeight: 0, currentSectorWeight: 0, resultingSectorWeight: 0}] | "
                    + "scenario 'x': key given.trades[0].resultingLeverage is required",
            "a trade without its current sector weight | trades: [{id: t, asset: A, side: BUY, quantity: 1, notional: 1, currentWeight: 0, resultingWeight: 0, resultingSectorWeight: 0, resultingLeverage: 0}] | "
                    + "scenario 'x': key given.trades[0].currentSectorWeight is required",
            "an unknown given key | position: [] | "
                    + "scenario 'x': unknown key given.position (known: portfolio, positions, trades)"})
    void aFactTheFileGetsWrongIsNamedWithFileScenarioAndKey(String caseName, String given, String message) {
        String expected = message.replace("[1 - 1]", "[0]");
        assertThatThrownBy(() -> parse("scenarios:\n  - name: x\n    given:\n      " + given + "\n    expect: []\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessage(RULES.resolve(FILE) + ": " + expected)
                .satisfies(e -> assertThat(((RuleFileException) e).errors())
                        .containsExactly(new RuleFileError(FILE, 0, expected)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown action | {rule: r, action: SELL_ALL, subject: 'asset:A'} | "
                    + "scenario 'x': key expect[0].action must be one of [ALLOW, REDUCE, EXIT, HALT_TRADING, BLOCK_TRADE, NEEDS_APPROVAL], not \"SELL_ALL\"",
            "a subject without a kind | {rule: r, action: EXIT, subject: A} | "
                    + "scenario 'x': key expect[0].subject must be asset:<asset>, portfolio:<id> or trade:<id>, not \"A\"",
            "an unknown subject kind | {rule: r, action: EXIT, subject: 'sector:Tech'} | "
                    + "scenario 'x': key expect[0].subject must be asset:<asset>, portfolio:<id> or trade:<id>, not \"sector:Tech\"",
            "a misspelt expectation key | {rule: r, action: EXIT, subject: 'asset:A', severty: CRITICAL} | "
                    + "scenario 'x': unknown key expect[0].severty (known: action, messageContains, reduceFraction, rule, severity, subject)",
            "no rule | {action: EXIT, subject: 'asset:A'} | scenario 'x': key expect[0].rule is required"})
    void anExpectationTheFileGetsWrongIsNamedWithFileScenarioAndKey(String caseName, String entry, String message) {
        assertThatThrownBy(() -> parse("scenarios:\n  - name: x\n    expect:\n      - " + entry + "\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessage(RULES.resolve(FILE) + ": " + message);
    }

    @Test
    void theScenarioItselfMustBeWellFormed() {
        assertThatThrownBy(() -> parse("scenarios:\n  - name: x\n    expect: []\n    gven: {}\n"))
                .hasMessage(RULES.resolve(FILE) + ": scenario 'x': unknown key gven (known: expect, given, limits, name)");
        assertThatThrownBy(() -> parse("scenarios:\n  - name: x\n"))
                .hasMessage(RULES.resolve(FILE) + ": scenario 'x': key expect is required");
        assertThatThrownBy(() -> parse("scenarios:\n  - expect: []\n"))
                .hasMessage(RULES.resolve(FILE) + ": scenarios[0]: key name is required");
        assertThatThrownBy(() -> parse("scenarios:\n  - name: x\n    expect: []\n  - name: x\n    expect: []\n"))
                .hasMessage(RULES.resolve(FILE) + ": scenario 'x': the name is taken by an earlier scenario of this file");
        assertThatThrownBy(() -> parse("scenarios:\n  - name: x\n    limits: {stopLoss.hardLossFraction: tight}\n    expect: []\n"))
                .hasMessage(RULES.resolve(FILE) + ": scenario 'x': key limits.stopLoss.hardLossFraction must be a number, not the text \"tight\"");
        assertThatThrownBy(() -> parse("tests: []\n"))
                .hasMessage(RULES.resolve(FILE) + ": unknown key tests (known: scenarios)");
    }

    @Test
    void yamlThatDoesNotParseIsNamedWithItsLine() {
        assertThatThrownBy(() -> parse("scenarios:\n  - name: x\n    expect: []\n   - name: y\n"))
                .isInstanceOf(RuleFileException.class)
                .hasMessageStartingWith(RULES.resolve(FILE) + ":4: not valid YAML: ")
                .hasMessageNotContaining("\n");
    }
}
