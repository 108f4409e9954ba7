package io.ballast.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.alert.Alert;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The risk records of the store (evaluations with decisions, alerts, NAV history, the price watermark),
 * asserted alike on H2 and PostgreSQL by the subclasses.
 */
abstract class RiskRecordsContractTest {

    static final Instant T1 = Instant.parse("2025-03-03T10:00:00.123456Z");
    static final Instant T2 = Instant.parse("2025-03-03T10:00:05Z");
    static final Instant T3 = Instant.parse("2025-03-03T10:00:10Z");

    Store store;
    String portfolioId;
    String otherPortfolioId;

    abstract Store openFreshStore();

    @BeforeEach
    void openStoreWithTwoPortfolios() {
        store = openFreshStore();
        store.instruments().saveAll(List.of(StoreContractTest.AAA, StoreContractTest.BBB));
        portfolioId = UUID.randomUUID().toString();
        otherPortfolioId = UUID.randomUUID().toString();
        store.portfolios().insert(new Portfolio(portfolioId, "One", "USD", new BigDecimal("1000"),
                List.of(new Position("AAA", new BigDecimal("10"), new BigDecimal("100"))), T1, "pm"));
        store.portfolios().insert(new Portfolio(otherPortfolioId, "Two", "USD", BigDecimal.ZERO, List.of(), T1, "pm"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void evaluationsRoundTripWithTheirDecisionsInOrderNewestFirst() {
        RiskDecision exit = RiskDecision.of("hard stop-loss", Severity.CRITICAL, RiskAction.EXIT, RiskSubject.asset("AAA"),
                "AAA is down 9.00% from its entry");
        RiskDecision halve = RiskDecision.reduce("soft stop-loss", Severity.WARNING, 0.5, RiskSubject.asset("AAA"), "down 5%");
        RiskDecision block = RiskDecision.of("asset weight", Severity.WARNING, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"), "23%");
        StoredRiskEvaluation older = evaluation(portfolioId, T1, EvaluationTrigger.MONITOR, "monitor", List.of(exit, halve));
        StoredRiskEvaluation newer = evaluation(portfolioId, T2, EvaluationTrigger.API, "alice", List.of(block));
        StoredRiskEvaluation empty = evaluation(otherPortfolioId, T3, EvaluationTrigger.WORKFLOW, "workflow", List.of());
        store.riskEvaluations().insert(older);
        store.riskEvaluations().insert(newer);
        store.riskEvaluations().insert(empty);

        assertThat(store.riskEvaluations().latest(Optional.of(portfolioId), 10)).containsExactly(newer, older);
        assertThat(store.riskEvaluations().latest(Optional.empty(), 10)).containsExactly(empty, newer, older);
        assertThat(store.riskEvaluations().latest(Optional.empty(), 2)).containsExactly(empty, newer);
        assertThat(store.riskEvaluations().latestOf(portfolioId)).contains(newer);
        assertThat(store.riskEvaluations().latestOf(otherPortfolioId)).contains(empty);
        assertThat(store.riskEvaluations().latestOf(portfolioId, EvaluationTrigger.MONITOR)).contains(older);
        assertThat(store.riskEvaluations().latestOf(otherPortfolioId, EvaluationTrigger.MONITOR)).isEmpty();
        assertThat(store.riskEvaluations().latest(Optional.of("not-a-uuid"), 10)).isEmpty();
        assertThat(store.riskEvaluations().latestOf(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void anEvaluationOfAnUnknownPortfolioIsNotStoredAtAll() {
        StoredRiskEvaluation orphan = evaluation(UUID.randomUUID().toString(), T1, EvaluationTrigger.API, "alice",
                List.of(RiskDecision.of("r", Severity.INFO, RiskAction.ALLOW, RiskSubject.asset("AAA"), "m")));

        assertThatThrownBy(() -> store.riskEvaluations().insert(orphan)).isInstanceOf(StoreException.class);

        assertThat(store.riskEvaluations().latest(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void alertsRoundTripAndRecordTheirDelivery() {
        StoredAlert aboutPortfolio = new StoredAlert(UUID.randomUUID().toString(),
                new Alert(Severity.CRITICAL, "Hard stop-loss: exit AAA", "down 9%\nsecond line", T1, "rule:hard stop-loss"),
                Optional.of(portfolioId), Optional.of("abcdef123456"), AlertDelivery.PENDING, Optional.empty());
        StoredAlert general = new StoredAlert(UUID.randomUUID().toString(),
                new Alert(Severity.WARNING, "Rules refused", "line 3", T2, "rules"),
                Optional.empty(), Optional.empty(), AlertDelivery.PENDING, Optional.empty());
        store.alerts().insert(aboutPortfolio);
        store.alerts().insert(general);

        store.alerts().recordDelivery(general.id(), AlertDelivery.FAILED, Optional.of("webhook: refused"));
        store.alerts().recordDelivery(aboutPortfolio.id(), AlertDelivery.DELIVERED, Optional.empty());

        assertThat(store.alerts().latest(10)).containsExactly(
                new StoredAlert(general.id(), general.alert(), Optional.empty(), Optional.empty(), AlertDelivery.FAILED,
                        Optional.of("webhook: refused")),
                new StoredAlert(aboutPortfolio.id(), aboutPortfolio.alert(), Optional.of(portfolioId), Optional.of("abcdef123456"),
                        AlertDelivery.DELIVERED, Optional.empty()));
        assertThat(store.alerts().latest(1)).extracting(StoredAlert::id).containsExactly(general.id());
    }

    @Test
    void thePeakNavIsTheHighestRecordedAndARecordAtTheSameTimeReplacesTheFirst() {
        assertThat(store.portfolioNavs().peak(portfolioId)).isEmpty();

        store.portfolioNavs().record(portfolioId, T1, new BigDecimal("2000.50"));
        store.portfolioNavs().record(portfolioId, T2, new BigDecimal("2100.25"));
        store.portfolioNavs().record(portfolioId, T3, new BigDecimal("1900"));
        store.portfolioNavs().record(otherPortfolioId, T1, new BigDecimal("9999"));
        assertThat(store.portfolioNavs().peak(portfolioId)).contains(new BigDecimal("2100.25"));

        store.portfolioNavs().record(portfolioId, T2, new BigDecimal("1950"));
        assertThat(store.portfolioNavs().peak(portfolioId)).contains(new BigDecimal("2000.5"));
        assertThat(store.portfolioNavs().peak("not-a-uuid")).isEmpty();
    }

    @Test
    void portfolioIdsAreListedInIdOrder() {
        assertThat(store.portfolios().ids()).containsExactlyElementsOf(
                // lower-case hex: text order is the databases' (unsigned, byte-wise) UUID order
                java.util.stream.Stream.of(portfolioId, otherPortfolioId).sorted().toList());
    }

    @Test
    void theWatermarkMovesWithEveryNewBarAndTheLatestBarsComeOldestFirst() {
        assertThat(store.priceBars().watermark()).isEqualTo(new PriceWatermark(Optional.empty(), 0));

        store.priceBars().saveAll(List.of(StoreContractTest.bar("AAA", StoreContractTest.DAY_2, "101"),
                StoreContractTest.bar("AAA", StoreContractTest.DAY_3, "102"),
                StoreContractTest.bar("AAA", StoreContractTest.DAY_1, "100")));
        assertThat(store.priceBars().watermark()).isEqualTo(new PriceWatermark(Optional.of(StoreContractTest.DAY_3), 3));

        store.priceBars().saveAll(List.of(StoreContractTest.bar("BBB", StoreContractTest.DAY_1, "50")));
        assertThat(store.priceBars().watermark()).isEqualTo(new PriceWatermark(Optional.of(StoreContractTest.DAY_3), 4));

        assertThat(store.priceBars().latestBars("AAA", 2)).containsExactly(
                StoreContractTest.bar("AAA", StoreContractTest.DAY_2, "101"), StoreContractTest.bar("AAA", StoreContractTest.DAY_3, "102"));
        assertThat(store.priceBars().latestBars("AAA", 10)).hasSize(3);
    }

    private static StoredRiskEvaluation evaluation(String portfolio, Instant at, EvaluationTrigger trigger, String user,
            List<RiskDecision> decisions) {
        return new StoredRiskEvaluation(UUID.randomUUID().toString(), portfolio, at, "abcdef123456", trigger, user, decisions);
    }
}
