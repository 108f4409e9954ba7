package io.ballast.platform.rebalance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A rebalance proposal: the trades, what they are expected to cost and gain, and the verdict.
 *
 * @param baseCurrency                 ISO 4217 code of every amount
 * @param netAssetValue                cash plus holdings at their last prices, before the trades
 * @param trades                       the trades, sells first, each side in the order of the holdings
 * @param skipped                      trades towards the targets left out, with why
 * @param buyScaleFraction             1 when the cash paid for every buy; else the fraction every buy was
 *                                     scaled by (before rounding down to lots) to fit the cash (less the
 *                                     cash a {@code CASH} target keeps)
 * @param totalEstimatedCost           fee, spread and impact of all trades
 * @param totalEstimatedCostFraction   that cost as a fraction of {@link #netAssetValue}
 * @param cashAfter                    cash after the trades and their costs; not negative unless it was before;
 *                                     with a {@code CASH} target, at least the kept {@code cashWeight × NAV}
 *                                     when anything is bought (sells alone may leave it short by their costs and the lot rounding)
 * @param trackingErrorBefore          annual ex-ante tracking error of the holdings against the targets, a fraction
 * @param trackingErrorAfter           the same after the trades (weights over the NAV less the costs)
 * @param trackingErrorReduction       {@code trackingErrorBefore - trackingErrorAfter}: the expected benefit
 * @param verdict                      see {@link RebalanceVerdict}
 * @param verdictReason                the verdict's comparison in words, with the numbers
 */
public record RebalanceProposal(
        String baseCurrency,
        BigDecimal netAssetValue,
        List<RebalanceTrade> trades,
        List<SkippedTrade> skipped,
        double buyScaleFraction,
        BigDecimal totalEstimatedCost,
        double totalEstimatedCostFraction,
        BigDecimal cashAfter,
        double trackingErrorBefore,
        double trackingErrorAfter,
        double trackingErrorReduction,
        RebalanceVerdict verdict,
        String verdictReason) {

    public RebalanceProposal {
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(netAssetValue, "netAssetValue");
        trades = List.copyOf(trades);
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(totalEstimatedCost, "totalEstimatedCost");
        Objects.requireNonNull(cashAfter, "cashAfter");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(verdictReason, "verdictReason");
    }

    /** The sum of the trades' notionals, buys and sells alike. */
    public BigDecimal grossNotional() {
        return trades.stream().map(RebalanceTrade::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
