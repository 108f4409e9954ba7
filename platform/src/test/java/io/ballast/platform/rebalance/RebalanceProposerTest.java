package io.ballast.platform.rebalance;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.execution.OrderSide;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RebalanceProposerTest {

    /*
     * The three-asset example, USD, NAV 100 000:
     *   cash 5 000; AAA 1 000 @ 30 = 30 000 (w 0.30); BBB 500 @ 100 = 50 000 (w 0.50); BTC 0.75 @ 20 000 = 15 000 (w 0.15)
     *   targets AAA 0.4 (40 000), BBB 0.448 (44 800), BTC 0.152 (15 200)
     * AAA: buy 10 000 / 30 = 333.33 -> 333 shares (lot 1), notional 9 990
     * BBB: sell 5 200 / 100 = 52 shares, notional 5 200
     * BTC: buy 200 / 20 000 = 0.01 BTC (lot 0.0001: 100 lots), notional 200 < minimum 500: skipped
     * Settings: fee 10 bps; half spread 5 bps, AAA 20 bps; impact coefficient 1; TWAP above 0.5% of ADV in 8 slices.
     * AAA: fee 9 990 x 0.001 = 9.99; spread 9 990 x 0.002 = 19.98;
     *      impact: ADV 33 300, 333 / 33 300 = 0.01, sqrt = 0.1, x daily vol 0.02 = 0.002 -> 19.98; total 49.95;
     *      0.01 of ADV > 0.005: TWAP in 8 slices
     * BBB: fee 5.20; spread 5 200 x 0.0005 = 2.60;
     *      impact: ADV 20 800, 52 / 20 800 = 0.0025, sqrt = 0.05, x 0.015 = 0.00075 -> 3.90; total 11.70; no TWAP
     * Cash: available 5 000 + 5 200 - 11.70 = 10 188.30 >= needed 9 990 + 49.95 = 10 039.95: no scaling
     *       cash after 5 000 + 5 200 - 9 990 - 61.65 = 148.35; cost 61.65 / 100 000 = 0.0006165 of NAV
     * Tracking error, diagonal covariance AAA 0.04, BBB 0.09, BTC 0.64:
     *   before: active -0.1, 0.052, -0.002: 0.04 x 0.01 + 0.09 x 0.002704 + 0.64 x 0.000004 = 0.00064592, sqrt = 0.0254149562
     *   after, over NAV 100 000 - 61.65 = 99 938.35: AAA 39 990 -> 0.40014668, BBB 44 800 -> 0.44827637,
     *   BTC 15 000 -> 0.15009254; active 0.00014668, 0.00027637, -0.00190746 -> TE 0.0015285066
     *   reduction 0.0238864497 (worked with 40-digit decimals)
     */
    private static final Holdings THREE_ASSETS = new Holdings("USD", new BigDecimal("5000"), List.of(
            new Holding("AAA", new BigDecimal("1000"), new BigDecimal("30")),
            new Holding("BBB", new BigDecimal("500"), new BigDecimal("100")),
            new Holding("BTC", new BigDecimal("0.75"), new BigDecimal("20000"))));
    private static final Map<String, Double> THREE_TARGETS = Map.of("AAA", 0.4, "BBB", 0.448, "BTC", 0.152);
    private static final ProposalMarket THREE_MARKET = ProposalMarket.of(
            Map.of("AAA", new AssetLiquidity(0.02, 33_300), "BBB", new AssetLiquidity(0.015, 20_800), "BTC", new AssetLiquidity(0.04, 1_000)),
            List.of("AAA", "BBB", "BTC"),
            new double[][] {{0.04, 0, 0}, {0, 0.09, 0}, {0, 0, 0.64}});
    private static final ProposalSettings THREE_SETTINGS = new ProposalSettings(new BigDecimal("500"), BigDecimal.ONE,
            Map.of("BTC", new BigDecimal("0.0001")), 10, 5, Map.of("AAA", 20.0), 1, 0.005, 8, 1);

    @Test
    void roundsToLotsSkipsSmallTradesAndEstimatesEachCostByHand() {
        RebalanceProposal proposal = new RebalanceProposer(THREE_SETTINGS).propose(THREE_ASSETS, THREE_TARGETS, THREE_MARKET);

        assertThat(proposal.netAssetValue()).isEqualByComparingTo("100000");
        assertThat(proposal.trades()).containsExactly(
                // each with the lot it was rounded to: BBB and AAA the default of 1
                new RebalanceTrade("BBB", OrderSide.SELL, new BigDecimal("52"), BigDecimal.ONE, new BigDecimal("100"), new BigDecimal("5200.00"),
                        new TradeCost(new BigDecimal("5.20"), new BigDecimal("2.60"), new BigDecimal("3.90")), false, 1),
                new RebalanceTrade("AAA", OrderSide.BUY, new BigDecimal("333"), BigDecimal.ONE, new BigDecimal("30"), new BigDecimal("9990.00"),
                        new TradeCost(new BigDecimal("9.99"), new BigDecimal("19.98"), new BigDecimal("19.98")), true, 8));
        assertThat(proposal.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.asset()).isEqualTo("BTC");
            assertThat(skip.side()).isEqualTo(OrderSide.BUY);
            assertThat(skip.quantity()).isEqualByComparingTo("0.01");
            assertThat(skip.notional()).isEqualByComparingTo("200");
            assertThat(skip.reason()).isEqualTo(SkipReason.BELOW_MINIMUM_NOTIONAL);
            assertThat(skip.message()).contains("200.00", "500");
        });
        assertThat(proposal.buyScaleFraction()).isEqualTo(1.0);
        assertThat(proposal.totalEstimatedCost()).isEqualByComparingTo("61.65");
        assertThat(proposal.totalEstimatedCostFraction()).isCloseTo(0.0006165, within(1e-15));
        assertThat(proposal.cashAfter()).isEqualByComparingTo("148.35");
        assertThat(proposal.grossNotional()).isEqualByComparingTo("15190");
    }

    @Test
    void trackingErrorBeforeAndAfterAgainstTheTargets() {
        RebalanceProposal proposal = new RebalanceProposer(THREE_SETTINGS).propose(THREE_ASSETS, THREE_TARGETS, THREE_MARKET);

        assertThat(proposal.trackingErrorBefore()).isCloseTo(0.0254149562266, within(1e-12));
        assertThat(proposal.trackingErrorAfter()).isCloseTo(0.0015285065702, within(1e-12));
        assertThat(proposal.trackingErrorReduction()).isCloseTo(0.0238864496564, within(1e-12));
    }

    @Test
    void verdictOnEitherSideOfCostAgainstMultipliedBenefit() {
        // cost 0.0006165 of NAV; reduction 0.0238864497: the boundary multiplier is 0.0006165 / 0.0238864497 = 0.02580961
        RebalanceProposal worth = new RebalanceProposer(THREE_SETTINGS.withBenefitMultiplier(0.0259)).propose(THREE_ASSETS, THREE_TARGETS, THREE_MARKET);
        RebalanceProposal notWorth = new RebalanceProposer(THREE_SETTINGS.withBenefitMultiplier(0.0258)).propose(THREE_ASSETS, THREE_TARGETS, THREE_MARKET);
        RebalanceProposal defaults = new RebalanceProposer(THREE_SETTINGS).propose(THREE_ASSETS, THREE_TARGETS, THREE_MARKET);

        assertThat(worth.verdict()).isEqualTo(RebalanceVerdict.WORTH_TRADING); // 0.0259 x 0.0238864 = 0.00061866 >= 0.0006165
        assertThat(notWorth.verdict()).isEqualTo(RebalanceVerdict.NOT_WORTH_TRADING); // 0.0258 x 0.0238864 = 0.00061627 < 0.0006165
        assertThat(notWorth.verdictReason()).contains(">");
        assertThat(defaults.verdict()).isEqualTo(RebalanceVerdict.WORTH_TRADING);
    }

    /*
     * Two assets, no cash, NAV 10 000: A 60 @ 100 (w 0.6), B 40 @ 100 (w 0.4), targets 0.5 / 0.5.
     * Covariance [[0.04, 0.01], [0.01, 0.09]]; active before (0.1, -0.1):
     *   0.01 x 0.04 + 0.01 x 0.09 - 2 x 0.01 x 0.01 = 0.0011, TE = sqrt(0.0011) = 0.0331662479
     */
    private static final Holdings TWO_ASSETS = new Holdings("USD", BigDecimal.ZERO, List.of(
            new Holding("A", new BigDecimal("60"), new BigDecimal("100")),
            new Holding("B", new BigDecimal("40"), new BigDecimal("100"))));
    private static final ProposalMarket TWO_MARKET = ProposalMarket.of(
            Map.of("A", new AssetLiquidity(0.01, 1_000_000), "B", new AssetLiquidity(0.01, 1_000_000)),
            List.of("A", "B"), new double[][] {{0.04, 0.01}, {0.01, 0.09}});

    @Test
    void withoutCostsTheTradesReachTheTargetsAndRemoveTheWholeTrackingError() {
        ProposalSettings free = new ProposalSettings(BigDecimal.ZERO, BigDecimal.ONE, Map.of(), 0, 0, Map.of(), 0, 0.1, 2, 1);

        RebalanceProposal proposal = new RebalanceProposer(free).propose(TWO_ASSETS, Map.of("A", 0.5, "B", 0.5), TWO_MARKET);

        assertThat(proposal.trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity)
                .containsExactly(Tuple.tuple("A", OrderSide.SELL, new BigDecimal("10")),
                        Tuple.tuple("B", OrderSide.BUY, new BigDecimal("10")));
        assertThat(proposal.trackingErrorBefore()).isCloseTo(0.0331662479036, within(1e-12));
        assertThat(proposal.trackingErrorAfter()).isZero();
        assertThat(proposal.totalEstimatedCost()).isEqualByComparingTo("0");
        assertThat(proposal.cashAfter()).isEqualByComparingTo("0");
        assertThat(proposal.verdict()).isEqualTo(RebalanceVerdict.WORTH_TRADING);
    }

    /*
     * The same with a 10 bp fee: selling 10 A brings 1 000 - 1.00 fee = 999; buying 10 B needs 1 000 + 1.00 = 1 001.
     * Buys scale by 999 / 1 001 = 0.998001998001 (12 digits, down): 10 x 0.998 = 9.98 -> 9 shares, 900 + 0.90 fee.
     * Cash after 0 + 1 000 - 900 - 1.90 = 98.10. After: NAV 9 998.10, A 5 000 -> 0.50009502, B 4 900 -> 0.49009312;
     * active (0.00009502, -0.00990688): TE sqrt(0.04 a^2 + 0.09 b^2 + 2 x 0.01 a b) = 0.0029689566
     */
    @Test
    void aCashShortfallScalesEveryBuyDownProRataAndRoundsToLots() {
        ProposalSettings fee = new ProposalSettings(BigDecimal.ZERO, BigDecimal.ONE, Map.of(), 10, 0, Map.of(), 0, 0.1, 2, 1);

        RebalanceProposal proposal = new RebalanceProposer(fee).propose(TWO_ASSETS, Map.of("A", 0.5, "B", 0.5), TWO_MARKET);

        assertThat(proposal.buyScaleFraction()).isCloseTo(0.998001998001, within(1e-15));
        assertThat(proposal.trades()).extracting(RebalanceTrade::asset, RebalanceTrade::quantity, RebalanceTrade::notional)
                .containsExactly(Tuple.tuple("A", new BigDecimal("10"), new BigDecimal("1000.00")),
                        Tuple.tuple("B", new BigDecimal("9"), new BigDecimal("900.00")));
        assertThat(proposal.totalEstimatedCost()).isEqualByComparingTo("1.90");
        assertThat(proposal.cashAfter()).isEqualByComparingTo("98.10");
        assertThat(proposal.trackingErrorAfter()).isCloseTo(0.0029689565539, within(1e-12));
    }

    @Test
    void aBuyThatScalesBelowOneLotIsSkippedForCash() {
        // cash -1 050 (borrowed), A 100 @ 100, B 0 @ 100: NAV 8 950. A 0.99 -> 8 860.50: sell 1 139.50 / 100 = 11.395 -> 11 A (1 100);
        // B 0.01 -> 89.50: 0.895 B, less than one lot
        Holdings borrowed = new Holdings("USD", new BigDecimal("-1050"), List.of(
                new Holding("A", new BigDecimal("100"), new BigDecimal("100")),
                new Holding("B", BigDecimal.ZERO, new BigDecimal("100"))));
        ProposalSettings free = new ProposalSettings(BigDecimal.ZERO, BigDecimal.ONE, Map.of(), 0, 0, Map.of(), 0, 0.1, 2, 1);

        RebalanceProposal proposal = new RebalanceProposer(free).propose(borrowed, Map.of("A", 0.99, "B", 0.01), TWO_MARKET);

        assertThat(proposal.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.asset()).isEqualTo("B");
            assertThat(skip.reason()).isEqualTo(SkipReason.LESS_THAN_ONE_LOT);
            assertThat(skip.quantity()).isEqualByComparingTo("0.895");
        });
        assertThat(proposal.trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity)
                .containsExactly(Tuple.tuple("A", OrderSide.SELL, new BigDecimal("11")));

        // cash -3 001, A 130 @ 100, B 0 @ 100: NAV 9 999. A 0.95 -> 9 499.05: sell 35.0095 -> 35 A (3 500);
        // B 0.05 -> 499.95: buy 4.9995 -> 4 B (400). A half spread of 2 000 bp on A costs the sell 3 500 x 0.2 = 700:
        // available -3 001 + 3 500 - 700 = -201, so the buys scale to 0 and B is skipped for cash
        Holdings deep = new Holdings("USD", new BigDecimal("-3001"), List.of(
                new Holding("A", new BigDecimal("130"), new BigDecimal("100")),
                new Holding("B", BigDecimal.ZERO, new BigDecimal("100"))));
        ProposalSettings wideA = free.withHalfSpreadBps("A", 2000);

        RebalanceProposal starved = new RebalanceProposer(wideA).propose(deep, Map.of("A", 0.95, "B", 0.05), TWO_MARKET);

        assertThat(starved.buyScaleFraction()).isZero();
        assertThat(starved.trades()).extracting(RebalanceTrade::asset).containsExactly("A");
        assertThat(starved.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.asset()).isEqualTo("B");
            assertThat(skip.reason()).isEqualTo(SkipReason.INSUFFICIENT_CASH);
            assertThat(skip.quantity()).isEqualByComparingTo("4");
        });
    }

    @Test
    void cryptoLotsRoundTowardZero() {
        // NAV 10 000 in cash, BTC @ 30 000, target 1: 10 000 / 30 000 = 0.333... BTC -> 0.3333 (lot 0.0001), notional 9 999.00
        Holdings cash = new Holdings("USD", new BigDecimal("10000"), List.of(new Holding("BTC", BigDecimal.ZERO, new BigDecimal("30000"))));
        ProposalSettings crypto = new ProposalSettings(BigDecimal.ZERO, new BigDecimal("0.0001"), Map.of(), 0, 0, Map.of(), 0, 0.1, 2, 1);
        ProposalMarket market = ProposalMarket.of(Map.of("BTC", new AssetLiquidity(0.03, 10_000)), List.of("BTC"), new double[][] {{0.5}});

        RebalanceProposal proposal = new RebalanceProposer(crypto).propose(cash, Map.of("BTC", 1.0), market);

        assertThat(proposal.trades()).singleElement().satisfies(trade -> {
            assertThat(trade.quantity()).isEqualByComparingTo("0.3333");
            assertThat(trade.notional()).isEqualByComparingTo("9999.00");
            assertThat(trade.storedLotSize()).contains(new BigDecimal("0.0001"));
        });
        assertThat(proposal.cashAfter()).isEqualByComparingTo("1.00");
    }

    @Test
    void holdingsAlreadyOnTargetHaveNothingToDo() {
        RebalanceProposal proposal = new RebalanceProposer(ProposalSettings.defaults())
                .propose(TWO_ASSETS, Map.of("A", 0.6, "B", 0.4), TWO_MARKET);

        assertThat(proposal.trades()).isEmpty();
        assertThat(proposal.skipped()).isEmpty();
        assertThat(proposal.verdict()).isEqualTo(RebalanceVerdict.NOTHING_TO_DO);
        assertThat(proposal.trackingErrorBefore()).isZero();
    }

    /*
     * CASH as a target, NAV 100 000, cash 0: A 600 @ 100 (w 0.6), B 400 @ 100 (w 0.4); targets A 0.4, B 0.5, CASH 0.1.
     * Fee 10 bp, nothing else. A: 40 000 -> SELL 200 (20 000.00, fee 20.00); B: 50 000 -> BUY 100 (10 000.00, fee 10.00).
     * Kept cash 0.1 x 100 000 = 10 000: available 0 + 20 000 - 20 - 10 000 = 9 980 < needed 10 010, so the buy scales by
     * 9 980 / 10 010 = 0.997002997002 (12 digits, down): 99.7 -> BUY 99 B (9 900.00, fee 9.90). Spent 9 909.90 <= 9 980.
     * Cash after 20 000 - 9 900 - 29.90 = 10 070.10, above the 10 000 kept (without the reserve all 100 B would be bought,
     * leaving 9 970). Costs 29.90 / 100 000 = 0.000299 of NAV.
     * Tracking error, covariance [[0.04, 0.01], [0.01, 0.09]], cash riskless (not in it):
     *   before: active (0.2, -0.1): 0.04 x 0.04 + 0.09 x 0.01 - 2 x 0.01 x 0.02 = 0.0021, sqrt = 0.0458257569496
     *   after, over NAV 99 970.10: A 40 000 -> 0.40011963577, B 49 900 -> 0.49914924562; active (0.00011963577, -0.00085075438)
     *   -> 0.04 a^2 + 0.09 b^2 + 0.02 a b = 6.3677e-8, TE 0.000252343746251 (40-digit decimals)
     */
    @Test
    void aCashTargetKeepsItsShareOfTheNavOutOfTheBuys() {
        ProposalSettings fee = new ProposalSettings(BigDecimal.ZERO, BigDecimal.ONE, Map.of(), 10, 0, Map.of(), 0, 0.1, 2, 1);
        Holdings noCash = new Holdings("USD", BigDecimal.ZERO, List.of(
                new Holding("A", new BigDecimal("600"), new BigDecimal("100")),
                new Holding("B", new BigDecimal("400"), new BigDecimal("100"))));

        RebalanceProposal proposal = new RebalanceProposer(fee).propose(noCash, Map.of("A", 0.4, "B", 0.5, "CASH", 0.1), TWO_MARKET);

        assertThat(proposal.trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity, RebalanceTrade::notional)
                .containsExactly(Tuple.tuple("A", OrderSide.SELL, new BigDecimal("200"), new BigDecimal("20000.00")),
                        Tuple.tuple("B", OrderSide.BUY, new BigDecimal("99"), new BigDecimal("9900.00")));
        assertThat(proposal.buyScaleFraction()).isCloseTo(0.997002997002, within(1e-15));
        assertThat(proposal.totalEstimatedCost()).isEqualByComparingTo("29.90");
        assertThat(proposal.totalEstimatedCostFraction()).isCloseTo(0.000299, within(1e-15));
        assertThat(proposal.cashAfter()).isEqualByComparingTo("10070.10");
        assertThat(proposal.trackingErrorBefore()).isCloseTo(0.0458257569496, within(1e-12));
        assertThat(proposal.trackingErrorAfter()).isCloseTo(0.000252343746251, within(1e-12));
    }

    /*
     * One asset and cash: NAV 100 000, cash 0, A 1 000 @ 100 (w 1.0); targets A 0.9, CASH 0.1; variance 0.04 (sigma 0.2).
     * SELL 100 A (10 000.00, fee 10 bp 10.00): cash after 10 000 - 10 = 9 990.00.
     * Cash adds no risk, so TE = |w_A - 0.9| x sigma: before 0.1 x 0.2 = 0.02;
     * after, over NAV 99 990: 90 000 / 99 990 = 0.900090009..., 0.0000900090009 x 0.2 = 0.0000180018002.
     * Already at target (cash 10 000, A 900): nothing to do, TE 0.
     */
    @Test
    void withOneAssetAndCashTheTrackingErrorIsTheWeightDifferenceTimesTheVolatility() {
        ProposalSettings fee = new ProposalSettings(BigDecimal.ZERO, BigDecimal.ONE, Map.of(), 10, 0, Map.of(), 0, 0.1, 2, 1);
        ProposalMarket oneAsset = ProposalMarket.of(Map.of("A", new AssetLiquidity(0.01, 1_000_000)), List.of("A"), new double[][] {{0.04}});
        Map<String, Double> tenthInCash = Map.of("A", 0.9, "CASH", 0.1);

        RebalanceProposal proposal = new RebalanceProposer(fee).propose(new Holdings("USD", BigDecimal.ZERO,
                List.of(new Holding("A", new BigDecimal("1000"), new BigDecimal("100")))), tenthInCash, oneAsset);

        assertThat(proposal.trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity)
                .containsExactly(Tuple.tuple("A", OrderSide.SELL, new BigDecimal("100")));
        assertThat(proposal.cashAfter()).isEqualByComparingTo("9990.00");
        assertThat(proposal.trackingErrorBefore()).isCloseTo(0.02, within(1e-15));
        assertThat(proposal.trackingErrorAfter()).isCloseTo(0.0000180018001800, within(1e-15));

        RebalanceProposal onTarget = new RebalanceProposer(fee).propose(new Holdings("USD", new BigDecimal("10000"),
                List.of(new Holding("A", new BigDecimal("900"), new BigDecimal("100")))), tenthInCash, oneAsset);

        assertThat(onTarget.verdict()).isEqualTo(RebalanceVerdict.NOTHING_TO_DO);
        assertThat(onTarget.trackingErrorBefore()).isZero();
    }

    @Test
    void refusesBadInputNamingTheField() {
        RebalanceProposer proposer = new RebalanceProposer(ProposalSettings.defaults());
        assertRejected(() -> proposer.propose(TWO_ASSETS, Map.of("A", 0.5, "C", 0.5), TWO_MARKET), "targetWeights.C", "list the asset in holdings");
        assertRejected(() -> proposer.propose(TWO_ASSETS, Map.of("A", 0.5, "B", 0.6), TWO_MARKET), "targetWeights", "sum to");
        // CASH counts in the sum: 0.5 + 0.4 + 0.2 = 1.1
        assertRejected(() -> proposer.propose(TWO_ASSETS, Map.of("A", 0.5, "B", 0.4, "CASH", 0.2), TWO_MARKET), "targetWeights", "sum to 1.1");
        assertRejected(() -> proposer.propose(TWO_ASSETS, Map.of("A", 0.6, "B", 0.5, "CASH", -0.1), TWO_MARKET), "targetWeights",
                "CASH is the cash to keep and must not be negative");
        assertRejected(() -> proposer.propose(TWO_ASSETS, Map.of("A", 0.5, "B", 0.5),
                ProposalMarket.of(Map.of(), List.of("A", "B"), new double[][] {{0.04, 0.01}, {0.01, 0.09}})), "market.liquidityByAsset.A", "missing");
        assertRejected(() -> proposer.propose(TWO_ASSETS, Map.of("A", 0.5, "B", 0.5), ProposalMarket.of(
                Map.of("A", new AssetLiquidity(0.01, 1e6), "B", new AssetLiquidity(0.01, 1e6)), List.of("A"), new double[][] {{0.04}})),
                "market.covarianceAssets", "no row for B");
        // cash -10 000 against 10 000 of holdings: NAV 0
        assertRejected(() -> proposer.propose(new Holdings("USD", new BigDecimal("-10000"), TWO_ASSETS.holdings()), Map.of("A", 1.0), TWO_MARKET),
                "holdings", "must be positive");
        assertRejected(() -> new Holding("A", BigDecimal.ONE, BigDecimal.ZERO), "holdings.A.lastPrice", "positive");
        assertRejected(() -> new Holdings("XYZ1", BigDecimal.ZERO, List.of()), "holdings.baseCurrency", "ISO 4217");
        assertRejected(() -> new Holdings("USD", BigDecimal.ZERO, List.of(TWO_ASSETS.holdings().get(0), TWO_ASSETS.holdings().get(0))),
                "holdings.A", "twice");
        assertRejected(() -> new ProposalSettings(BigDecimal.ZERO, BigDecimal.ZERO, Map.of(), 0, 0, Map.of(), 0, 0.1, 2, 1),
                "defaultLotSize", "positive");
        assertRejected(() -> new ProposalSettings(BigDecimal.ZERO, BigDecimal.ONE, Map.of(), -1, 0, Map.of(), 0, 0.1, 2, 1),
                "feeBps", "0 or more");
        assertRejected(() -> new ProposalSettings(BigDecimal.ZERO, BigDecimal.ONE, Map.of(), 0, 0, Map.of(), 0, 0.1, 1, 1),
                "twapSliceCount", "2 or more");
    }
}
