package io.ballast.platform.rebalance;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.risk.PortfolioVolatility;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns holdings and target weights into a {@link RebalanceProposal}.
 *
 * <ol>
 *   <li>The NAV is cash plus every holding at its last price. Each asset's trade is the quantity
 *       that takes its value to {@code targetWeight × NAV} (an asset held but not in the targets
 *       is sold out), rounded toward zero to whole lots; less than one lot is skipped. The target
 *       {@code CASH} ({@link TargetWeights#CASH}) is no asset and does not trade: the cash is what
 *       the assets' trades leave, about {@code cashWeight × NAV} less the costs.</li>
 *   <li>A trade whose notional ({@code quantity × lastPrice}) is below the minimum is skipped.</li>
 *   <li>Each trade's cost: fee and half spread in basis points of notional, and the square-root
 *       impact {@code c × dailyVolatility × sqrt(quantity / averageDailyVolume)} as a fraction of
 *       notional, on the whole quantity even when it is sliced (slicing is what keeps the real
 *       impact near this estimate). A trade above the TWAP fraction of the daily volume is flagged
 *       for slicing.</li>
 *   <li>Cash: buys may spend the cash plus what the sells bring in, after the sells' costs, less
 *       the cash the target keeps ({@code cashWeight × NAV}, 0 without {@code CASH}); the buys'
 *       costs are paid from the same cash. When that does not suffice, every buy is scaled
 *       down by the same fraction, {@code available / (buy notionals + buy costs)}, and rounded
 *       down to lots again, so no asset's buy is preferred over another's and the buys never take
 *       the cash below the kept cash (when a cent of rounding still overshoots, the largest buy gives up a lot). A buy
 *       that scales below one lot or below the minimum notional is skipped. Sells are never scaled:
 *       they reduce risk and pay for the buys.</li>
 *   <li>The benefit: the annual ex-ante tracking error {@code sqrt((w - w*)' Σ (w - w*))} of the
 *       weights against the targets {@code w*}, before and after the trades, with Σ the annual
 *       covariance; cash is riskless, no variance and no covariance, so its weight and its target
 *       {@code CASH} are not in Σ and add nothing. Weights after are over the NAV
 *       less the estimated costs, which leave the portfolio.</li>
 *   <li>The verdict: see {@link RebalanceVerdict}.</li>
 * </ol>
 */
public final class RebalanceProposer {

    private static final int SCALE_DIGITS = 12;
    private static final BigDecimal BPS = new BigDecimal("10000");

    private final ProposalSettings settings;

    public RebalanceProposer(ProposalSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** As {@link #propose(Holdings, TargetWeights, ProposalMarket)}, with the targets as a map of weights that sum to 1. */
    public RebalanceProposal propose(Holdings holdings, Map<String, Double> targetWeights, ProposalMarket market) {
        if (targetWeights == null) {
            throw new InvalidInputException("targetWeights", "is missing");
        }
        TargetWeights targets;
        try {
            targets = new TargetWeights(targetWeights);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("targetWeights", e.getMessage());
        }
        return propose(holdings, targets, market);
    }

    public RebalanceProposal propose(Holdings holdings, TargetWeights targets, ProposalMarket market) {
        if (holdings == null) {
            throw new InvalidInputException("holdings", "is missing");
        }
        if (targets == null) {
            throw new InvalidInputException("targetWeights", "is missing");
        }
        if (market == null) {
            throw new InvalidInputException("market", "is missing");
        }
        BigDecimal nav = holdings.netAssetValue();
        if (nav.signum() <= 0) {
            throw new InvalidInputException("holdings", "the net asset value (cash plus holdings at their last prices) must be positive, got " + nav);
        }
        for (String asset : targets.weightByAsset().keySet()) {
            if (!TargetWeights.isCash(asset) && holdings.holding(asset).isEmpty()) {
                throw new InvalidInputException("targetWeights." + asset,
                        "has no holding to price it: list the asset in holdings with quantity 0 and its last price");
            }
        }
        int minorUnit = holdings.minorUnit();
        List<RebalanceTrade> sells = new ArrayList<>();
        List<RebalanceTrade> buys = new ArrayList<>();
        List<SkippedTrade> skipped = new ArrayList<>();
        for (Holding holding : holdings.holdings()) {
            BigDecimal targetValue = nav.multiply(BigDecimal.valueOf(targets.weight(holding.asset())));
            BigDecimal valueChange = targetValue.subtract(holding.marketValue());
            if (valueChange.signum() == 0) {
                continue;
            }
            OrderSide side = valueChange.signum() > 0 ? OrderSide.BUY : OrderSide.SELL;
            BigDecimal lot = settings.lotSize(holding.asset());
            BigDecimal lots = valueChange.abs().divide(holding.lastPrice().multiply(lot), 0, RoundingMode.DOWN);
            if (lots.signum() == 0) {
                BigDecimal units = valueChange.abs().divide(holding.lastPrice(), SCALE_DIGITS, RoundingMode.HALF_EVEN).stripTrailingZeros();
                skipped.add(new SkippedTrade(holding.asset(), side, units, money(valueChange.abs(), minorUnit), SkipReason.LESS_THAN_ONE_LOT,
                        "the difference to the target, " + units.toPlainString() + " units, is less than one lot of " + lot.toPlainString()));
                continue;
            }
            RebalanceTrade trade = trade(holding, side, lots.multiply(lot), market, minorUnit);
            if (belowMinimum(trade)) {
                skipped.add(skippedBelowMinimum(trade, ""));
            } else if (side == OrderSide.SELL) {
                sells.add(trade);
            } else {
                buys.add(trade);
            }
        }

        // the cash the CASH target keeps is not the buys' to spend
        BigDecimal reservedCash = nav.multiply(BigDecimal.valueOf(targets.cashWeight()));
        BigDecimal available = holdings.cash().subtract(reservedCash);
        for (RebalanceTrade sell : sells) {
            available = available.add(sell.notional()).subtract(sell.estimatedCost().total());
        }
        BigDecimal needed = spend(buys);
        double buyScale = 1;
        if (needed.compareTo(available) > 0) {
            BigDecimal scale = available.signum() <= 0 ? BigDecimal.ZERO : available.divide(needed, SCALE_DIGITS, RoundingMode.DOWN);
            buyScale = scale.doubleValue();
            buys = scaleBuys(holdings, buys, scale, available, market, minorUnit, skipped);
        }

        List<RebalanceTrade> trades = new ArrayList<>(sells);
        trades.addAll(buys);
        BigDecimal totalCost = BigDecimal.ZERO;
        BigDecimal cashAfter = holdings.cash();
        for (RebalanceTrade trade : trades) {
            totalCost = totalCost.add(trade.estimatedCost().total());
            cashAfter = trade.side() == OrderSide.BUY ? cashAfter.subtract(trade.notional()) : cashAfter.add(trade.notional());
        }
        cashAfter = cashAfter.subtract(totalCost);
        double costFraction = totalCost.doubleValue() / nav.doubleValue();

        Map<String, BigDecimal> quantityAfter = new HashMap<>();
        holdings.holdings().forEach(h -> quantityAfter.put(h.asset(), h.quantity()));
        trades.forEach(t -> quantityAfter.merge(t.asset(), t.signedQuantity(), BigDecimal::add));
        BigDecimal navAfter = nav.subtract(totalCost);
        if (navAfter.signum() <= 0) {
            throw new InvalidInputException("holdings", "the estimated costs, " + totalCost + ", would use up the net asset value " + nav);
        }
        double before = trackingError(holdings, targets, market, nav, h -> h.quantity());
        double after = trackingError(holdings, targets, market, navAfter, h -> quantityAfter.get(h.asset()));
        double reduction = before - after;

        RebalanceVerdict verdict;
        String reason;
        if (trades.isEmpty()) {
            verdict = RebalanceVerdict.NOTHING_TO_DO;
            reason = "no trade is left after lot rounding, the minimum trade size and the cash";
        } else {
            double affordable = settings.benefitMultiplier() * reduction;
            boolean worth = reduction > 0 && costFraction <= affordable;
            verdict = worth ? RebalanceVerdict.WORTH_TRADING : RebalanceVerdict.NOT_WORTH_TRADING;
            reason = String.format(Locale.ROOT, "estimated cost %.6g of NAV %s %.6g × tracking-error reduction %.6g (from %.6g to %.6g a year)",
                    costFraction, worth ? "<=" : (reduction > 0 ? ">" : "with no"), settings.benefitMultiplier(), reduction, before, after);
        }
        return new RebalanceProposal(holdings.baseCurrency(), nav, trades, skipped, buyScale, totalCost, costFraction, cashAfter,
                before, after, reduction, verdict, reason);
    }

    private List<RebalanceTrade> scaleBuys(Holdings holdings, List<RebalanceTrade> buys, BigDecimal scale, BigDecimal available,
            ProposalMarket market, int minorUnit, List<SkippedTrade> skipped) {
        String after = " after buys were scaled to " + scale.stripTrailingZeros().toPlainString() + " of their size to fit the cash";
        List<RebalanceTrade> scaled = new ArrayList<>();
        for (RebalanceTrade buy : buys) {
            Holding holding = holdings.holding(buy.asset()).orElseThrow();
            BigDecimal lot = settings.lotSize(buy.asset());
            BigDecimal lots = buy.quantity().multiply(scale).divide(lot, 0, RoundingMode.DOWN);
            if (lots.signum() == 0) {
                skipped.add(new SkippedTrade(buy.asset(), buy.side(), buy.quantity(), buy.notional(), SkipReason.INSUFFICIENT_CASH,
                        "the buy comes to less than one lot of " + lot.toPlainString() + after));
                continue;
            }
            RebalanceTrade trade = trade(holding, OrderSide.BUY, lots.multiply(lot), market, minorUnit);
            if (belowMinimum(trade)) {
                skipped.add(skippedBelowMinimum(trade, after));
            } else {
                scaled.add(trade);
            }
        }
        // rounding each amount to the minor unit can overshoot by a cent: the largest buy gives up a lot until it fits
        while (!scaled.isEmpty() && spend(scaled).compareTo(available) > 0) {
            RebalanceTrade largest = scaled.stream().max(Comparator.comparing(RebalanceTrade::notional)).orElseThrow();
            int index = scaled.indexOf(largest);
            BigDecimal smaller = largest.quantity().subtract(settings.lotSize(largest.asset()));
            RebalanceTrade trade = smaller.signum() > 0
                    ? trade(holdings.holding(largest.asset()).orElseThrow(), OrderSide.BUY, smaller, market, minorUnit)
                    : null;
            if (trade == null || belowMinimum(trade)) {
                scaled.remove(index);
                skipped.add(new SkippedTrade(largest.asset(), OrderSide.BUY, largest.quantity(), largest.notional(), SkipReason.INSUFFICIENT_CASH,
                        "the buy does not fit the cash" + after));
            } else {
                scaled.set(index, trade);
            }
        }
        return scaled;
    }

    private RebalanceTrade trade(Holding holding, OrderSide side, BigDecimal quantity, ProposalMarket market, int minorUnit) {
        BigDecimal notional = money(quantity.multiply(holding.lastPrice()), minorUnit);
        AssetLiquidity liquidity = market.liquidity(holding.asset());
        double participation = quantity.doubleValue() / liquidity.averageDailyVolume();
        double impactFraction = settings.impactCoefficient() * liquidity.dailyVolatilityFraction() * Math.sqrt(participation);
        TradeCost cost = new TradeCost(
                money(notional.multiply(BigDecimal.valueOf(settings.feeBps())).divide(BPS), minorUnit),
                money(notional.multiply(BigDecimal.valueOf(settings.halfSpreadBps(holding.asset()))).divide(BPS), minorUnit),
                money(notional.multiply(BigDecimal.valueOf(impactFraction)), minorUnit));
        boolean twap = participation > settings.twapThresholdFractionOfDailyVolume();
        return new RebalanceTrade(holding.asset(), side, quantity, settings.lotSize(holding.asset()), holding.lastPrice(), notional, cost, twap,
                twap ? settings.twapSliceCount() : 1);
    }

    private boolean belowMinimum(RebalanceTrade trade) {
        return trade.notional().compareTo(settings.minimumTradeNotional()) < 0;
    }

    private SkippedTrade skippedBelowMinimum(RebalanceTrade trade, String after) {
        return new SkippedTrade(trade.asset(), trade.side(), trade.quantity(), trade.notional(), SkipReason.BELOW_MINIMUM_NOTIONAL,
                "the notional " + trade.notional().toPlainString() + " is below the minimum trade notional "
                        + settings.minimumTradeNotional().toPlainString() + after);
    }

    /** What the buys take from the cash: their notionals and their costs. */
    private static BigDecimal spend(List<RebalanceTrade> buys) {
        BigDecimal total = BigDecimal.ZERO;
        for (RebalanceTrade buy : buys) {
            total = total.add(buy.notional()).add(buy.estimatedCost().total());
        }
        return total;
    }

    private static double trackingError(Holdings holdings, TargetWeights targets, ProposalMarket market, BigDecimal nav,
            Function<Holding, BigDecimal> quantity) {
        List<String> assets = market.covarianceAssets();
        double[] active = new double[assets.size()];
        double navValue = nav.doubleValue();
        for (Holding holding : holdings.holdings()) {
            double weight = quantity.apply(holding).multiply(holding.lastPrice()).doubleValue() / navValue;
            double target = targets.weight(holding.asset());
            if (weight == 0 && target == 0) {
                continue;
            }
            int index = assets.indexOf(holding.asset());
            if (index < 0) {
                throw new InvalidInputException("market.covarianceAssets", "has no row for " + holding.asset()
                        + ", which has a weight before or after the trades or a target");
            }
            active[index] = weight - target;
        }
        return PortfolioVolatility.of(market.annualCovariance(), active);
    }

    private static BigDecimal money(BigDecimal amount, int minorUnit) {
        return amount.setScale(minorUnit, RoundingMode.HALF_EVEN);
    }
}
