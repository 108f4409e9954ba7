package io.ballast.platform.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.platform.store.Store;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rules over a stored portfolio, worked out by hand.
 *
 * <pre>
 * closes, days 0-2, flat: AAA (Technology) 100, BBB (Financials) 50, CCC (Energy) 40
 * portfolio, created day 0: cash 80 000, 100 AAA at 100, 200 BBB at 50 (entries = closes: no stop fires)
 *   MV AAA 10 000, MV BBB 10 000, NAV 100 000; weights 0.10 and 0.10 (not over the 10% warning: strict)
 *   2 daily returns: VaR unknown, so "value at risk unknown" (INFO, ALLOW) is in every evaluation
 * limits (rules/limits.yaml): asset warning 10% (a trade taking it over: NEEDS_APPROVAL), block 20%
 * </pre>
 */
class RebalanceRiskCheckTest {

    static final Instant DAY_0 = Instant.parse("2025-03-03T00:00:00Z");
    static final String VAR_UNKNOWN = "value at risk unknown";

    static RiskEngine engine;

    @TempDir
    Path dataDirectory;

    Store store;
    RebalanceRiskCheck check;
    String portfolioId;

    @BeforeAll
    static void loadShippedRules() {
        engine = RiskEngine.load(Path.of("..", "rules"));
    }

    @AfterAll
    static void closeRules() {
        engine.close();
    }

    @BeforeEach
    void storeThePortfolio() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"));
        store.instruments().saveAll(List.of(
                new Instrument("AAA", "Alpha", AssetClass.EQUITY, "Technology", "USD"),
                new Instrument("BBB", "Beta", AssetClass.EQUITY, "Financials", "USD"),
                new Instrument("CCC", "Gamma", AssetClass.EQUITY, "Energy", "USD")));
        List<PriceBar> bars = new ArrayList<>();
        for (int day = 0; day <= 2; day++) {
            bars.add(bar("AAA", day, "100"));
            bars.add(bar("BBB", day, "50"));
            bars.add(bar("CCC", day, "40"));
        }
        store.priceBars().saveAll(bars);
        portfolioId = UUID.randomUUID().toString();
        store.portfolios().insert(new Portfolio(portfolioId, "Rebalanced", "USD", new BigDecimal("80000"), List.of(
                new Position("AAA", new BigDecimal("100"), new BigDecimal("100")),
                new Position("BBB", new BigDecimal("200"), new BigDecimal("50"))),
                day(0).plus(9, ChronoUnit.HOURS), "pm"));
        RiskFactsAssembler assembler = new RiskFactsAssembler(store.instruments(), store.priceBars(), store.portfolios(),
                store.portfolioNavs(), Clock.fixed(day(5), ZoneOffset.UTC));
        check = new RebalanceRiskCheck(assembler::ofStored, engine::evaluate);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Sell 50 AAA (5 000), buy 100 CCC (4 000): AAA to 5%, CCC to 4%, nothing over a limit; gross 9 000. */
    @Test
    void tradesEveryRuleAllowsWithinTheLimitAreAutoApprovable() {
        List<RebalanceTrade> trades = List.of(trade("AAA", OrderSide.SELL, "50", "100"), trade("CCC", OrderSide.BUY, "100", "40"));

        RebalanceRiskVerdict verdict = check.check(portfolioId, RebalanceVerdict.WORTH_TRADING, trades, new BigDecimal("10000")).orElseThrow();

        assertThat(verdict.outcome()).isEqualTo(RebalanceRiskOutcome.AUTO_APPROVABLE);
        assertThat(verdict.rulesVersion()).isEqualTo(engine.version());
        // the INFO ALLOW counts as allowing
        assertThat(verdict.decisions()).extracting(RiskDecision::rule, RiskDecision::action, RiskDecision::subject)
                .containsExactly(tuple(VAR_UNKNOWN, RiskAction.ALLOW, RiskSubject.portfolio(portfolioId)));
        assertThat(verdict.blockingDecisions()).isEmpty();
        assertThat(verdict.nonAllowingDecisions()).isEmpty();
        assertThat(verdict.grossNotional()).isEqualByComparingTo("9000.00");
        assertThat(verdict.grossNotional().scale()).isEqualTo(2);
        assertThat(verdict.reason()).isEqualTo("every rule allows it and the gross notional 9000.00 is within the auto-approve limit of 10000");
    }

    @Test
    void aNotionalOfExactlyTheLimitIsWithinItAndACentMoreIsNot() {
        List<RebalanceTrade> trades = List.of(trade("AAA", OrderSide.SELL, "50", "100"), trade("CCC", OrderSide.BUY, "100", "40"));

        RebalanceRiskVerdict atLimit = check.check(portfolioId, RebalanceVerdict.WORTH_TRADING, trades, new BigDecimal("9000")).orElseThrow();
        RebalanceRiskVerdict overLimit = check.check(portfolioId, RebalanceVerdict.WORTH_TRADING, trades, new BigDecimal("8999.99")).orElseThrow();

        assertThat(atLimit.outcome()).isEqualTo(RebalanceRiskOutcome.AUTO_APPROVABLE);
        assertThat(atLimit.withinNotionalLimit()).isTrue();
        assertThat(overLimit.outcome()).isEqualTo(RebalanceRiskOutcome.NEEDS_APPROVAL);
        assertThat(overLimit.withinNotionalLimit()).isFalse();
        assertThat(overLimit.reason()).isEqualTo("every rule allows it, but the gross notional 9000.00 is over the auto-approve limit of 8999.99");
    }

    /** Buy 300 CCC at 40 = 12 000: CCC from 0% to 12% of 100 000, over the 10% warning, under the 20% block. */
    @Test
    void aRuleAskingForApprovalSendsItToAPersonWhateverTheNotional() {
        RebalanceRiskVerdict verdict = check.check(portfolioId, RebalanceVerdict.WORTH_TRADING, List.of(trade("CCC", OrderSide.BUY, "300", "40")),
                new BigDecimal("1000000")).orElseThrow();

        assertThat(verdict.outcome()).isEqualTo(RebalanceRiskOutcome.NEEDS_APPROVAL);
        assertThat(verdict.decisions()).extracting(RiskDecision::rule, RiskDecision::action, RiskDecision::subject).containsExactly(
                tuple("trade asset concentration approval", RiskAction.NEEDS_APPROVAL, RiskSubject.trade("CCC")),
                tuple(VAR_UNKNOWN, RiskAction.ALLOW, RiskSubject.portfolio(portfolioId)));
        assertThat(verdict.nonAllowingDecisions()).singleElement().extracting(RiskDecision::message)
                .isEqualTo("trade CCC (BUY 300 CCC) would take CCC from 0.00% to 12.00% of NAV, over the asset warning limit of 10%");
        assertThat(verdict.grossNotional()).isEqualByComparingTo("12000");
        assertThat(verdict.reason()).isEqualTo("the rules ask for a person: trade asset concentration approval (NEEDS_APPROVAL on trade:CCC);"
                + " gross notional 12000.00 is within the auto-approve limit of 1000000");
    }

    /** Buy 600 CCC at 40 = 24 000: CCC to 24%, over the 20% block (Energy at 24% stays under the 30% sector block). */
    @Test
    void aBlockedTradeBlocksTheRebalance() {
        RebalanceRiskVerdict verdict = check.check(portfolioId, RebalanceVerdict.WORTH_TRADING,
                List.of(trade("AAA", OrderSide.SELL, "50", "100"), trade("CCC", OrderSide.BUY, "600", "40")),
                new BigDecimal("1000000")).orElseThrow();

        assertThat(verdict.outcome()).isEqualTo(RebalanceRiskOutcome.BLOCKED);
        assertThat(verdict.blockingDecisions()).extracting(RiskDecision::rule, RiskDecision::action, RiskDecision::subject)
                .containsExactly(tuple("trade asset concentration", RiskAction.BLOCK_TRADE, RiskSubject.trade("CCC")));
        assertThat(verdict.decisions()).extracting(RiskDecision::rule).containsExactly("trade asset concentration", VAR_UNKNOWN);
        assertThat(verdict.reason()).isEqualTo("blocked by trade asset concentration (BLOCK_TRADE on trade:CCC)");
    }

    /**
     * Recorded peak NAV 125 000, NAV 100 000: a drawdown of 1 - 100 000 / 125 000 = 20%, the halt level. The
     * rebalance only sells (no "trade during drawdown halt"), yet the halt blocks it.
     */
    @Test
    void aHaltBlocksEvenARebalanceThatOnlySells() {
        store.portfolioNavs().record(portfolioId, day(1), new BigDecimal("125000"));

        RebalanceRiskVerdict verdict = check.check(portfolioId, RebalanceVerdict.WORTH_TRADING, List.of(trade("AAA", OrderSide.SELL, "50", "100")),
                new BigDecimal("1000000")).orElseThrow();

        assertThat(verdict.outcome()).isEqualTo(RebalanceRiskOutcome.BLOCKED);
        assertThat(verdict.decisions()).extracting(RiskDecision::rule, RiskDecision::action).containsExactly(
                tuple("drawdown halt", RiskAction.HALT_TRADING),
                tuple(VAR_UNKNOWN, RiskAction.ALLOW));
        assertThat(verdict.reason()).isEqualTo("blocked by drawdown halt (HALT_TRADING on portfolio:" + portfolioId + ")");
    }

    /** Buy 300 CCC: at 40 it needs approval (12%); CCC closes at 30 on day 3: 9 000, 9% of NAV, every rule allows it. */
    @Test
    void afterEscalationItIsApprovedOnlyWhenTheFreshCheckIsAutoApprovable() {
        List<RebalanceTrade> trades = List.of(trade("CCC", OrderSide.BUY, "300", "40"));

        EscalationDecision atForty = check.decideAfterEscalation(portfolioId, RebalanceVerdict.WORTH_TRADING, trades, new BigDecimal("10000")).orElseThrow();
        store.priceBars().saveAll(List.of(bar("CCC", 3, "30")));
        EscalationDecision atThirty = check.decideAfterEscalation(portfolioId, RebalanceVerdict.WORTH_TRADING, trades, new BigDecimal("10000")).orElseThrow();
        EscalationDecision atThirtyOverLimit = check.decideAfterEscalation(portfolioId, RebalanceVerdict.WORTH_TRADING, trades, new BigDecimal("8000")).orElseThrow();

        assertThat(atForty.approved()).isFalse();
        assertThat(atForty.verdict().outcome()).isEqualTo(RebalanceRiskOutcome.NEEDS_APPROVAL);
        assertThat(atThirty.approved()).isTrue();
        assertThat(atThirty.verdict().grossNotional()).isEqualByComparingTo("9000");
        assertThat(atThirty.verdict().decisions()).extracting(RiskDecision::rule).containsExactly(VAR_UNKNOWN);
        assertThat(atThirty.reason()).isEqualTo("approved automatically after escalation: every rule allows it and the gross notional"
                + " 9000.00 is within the auto-approve limit of 10000");
        // every rule allows it, but an unattended approval never goes past the automatic limit
        assertThat(atThirtyOverLimit.approved()).isFalse();
        assertThat(atThirtyOverLimit.reason()).isEqualTo("rejected automatically after escalation, nobody approved it and every rule"
                + " allows it, but the gross notional 9000.00 is over the auto-approve limit of 8000");
    }

    /**
     * The trades of the first test (every rule allows them, gross 9 000 within 10 000), but the proposal's own
     * cost/benefit verdict is NOT_WORTH_TRADING: a person must decide, and the automatic decision rejects it.
     */
    @Test
    void aProposalNotWorthTradingIsNeverApprovedWithoutAPerson() {
        List<RebalanceTrade> trades = List.of(trade("AAA", OrderSide.SELL, "50", "100"), trade("CCC", OrderSide.BUY, "100", "40"));

        RebalanceRiskVerdict verdict = check.check(portfolioId, RebalanceVerdict.NOT_WORTH_TRADING, trades, new BigDecimal("10000"))
                .orElseThrow();
        EscalationDecision decision = check.decideAfterEscalation(portfolioId, RebalanceVerdict.NOT_WORTH_TRADING, trades,
                new BigDecimal("10000")).orElseThrow();

        assertThat(verdict.outcome()).isEqualTo(RebalanceRiskOutcome.NEEDS_APPROVAL);
        assertThat(verdict.reason()).isEqualTo("every rule allows it, but the proposal is not worth trading (its estimated cost is more"
                + " than its benefit) and only a person may decide to pay for it; the gross notional 9000.00 is within the"
                + " auto-approve limit of 10000");
        assertThat(decision.approved()).isFalse();
        assertThat(decision.verdict().outcome()).isEqualTo(RebalanceRiskOutcome.NEEDS_APPROVAL);
    }

    @Test
    void anUnknownPortfolioHasNoVerdict() {
        assertThat(check.check("no-such-portfolio", RebalanceVerdict.WORTH_TRADING, List.of(trade("CCC", OrderSide.BUY, "1", "40")), BigDecimal.ONE)).isEmpty();
        assertThat(check.decideAfterEscalation("no-such-portfolio", RebalanceVerdict.WORTH_TRADING, List.of(trade("CCC", OrderSide.BUY, "1", "40")), BigDecimal.ONE)).isEmpty();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> check.check(portfolioId, RebalanceVerdict.WORTH_TRADING, List.of(), BigDecimal.ONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trades"));
        assertThatThrownBy(() -> check.check(portfolioId, RebalanceVerdict.WORTH_TRADING, List.of(trade("CCC", OrderSide.BUY, "1", "40")), new BigDecimal("-1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("autoApproveNotionalLimit"));
        assertThatThrownBy(() -> check.check(portfolioId, RebalanceVerdict.WORTH_TRADING, List.of(trade("CCC", OrderSide.BUY, "1", "40")), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("autoApproveNotionalLimit"));
        assertThatThrownBy(() -> check.check(portfolioId, RebalanceVerdict.WORTH_TRADING,
                List.of(trade("CCC", OrderSide.BUY, "1", "40"), trade("CCC", OrderSide.BUY, "2", "40")), BigDecimal.ONE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trades[1].id"));
    }

    static RebalanceTrade trade(String asset, OrderSide side, String quantity, String lastPrice) {
        BigDecimal notional = new BigDecimal(quantity).multiply(new BigDecimal(lastPrice));
        return new RebalanceTrade(asset, side, new BigDecimal(quantity), BigDecimal.ONE, new BigDecimal(lastPrice), notional,
                new TradeCost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), false, 1);
    }

    static Instant day(int day) {
        return DAY_0.plus(day, ChronoUnit.DAYS);
    }

    static PriceBar bar(String asset, int day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, day(day), price, price, price, price, BigDecimal.ONE);
    }
}
