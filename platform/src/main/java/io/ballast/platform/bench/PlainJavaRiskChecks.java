package io.ballast.platform.bench;

import io.ballast.api.risk.PortfolioRisk;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.ProposedTrade;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskLimits;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.platform.risk.RiskFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The checks of the shipped rule files ({@code rules/*.drl}) written a second time in plain Java:
 * the baseline {@code bench rules} measures Drools against, and the second method a test compares
 * the rules with. Same limits, same decisions (rule names, severities, actions, subjects, messages);
 * the order is left to the caller. It does not follow edits of the rule files: it is the shipped
 * rules as they are in this version.
 */
public final class PlainJavaRiskChecks {

    private final RiskLimits limits;

    public PlainJavaRiskChecks(RiskLimits limits) {
        this.limits = limits;
    }

    public List<RiskDecision> evaluate(RiskFacts facts) {
        List<RiskDecision> decisions = new ArrayList<>();
        for (PositionRisk position : facts.positions()) {
            if (position.quantity() != 0) {
                checkPosition(position, decisions);
            }
        }
        checkSectors(facts.positions(), decisions);
        facts.portfolio().ifPresent(portfolio -> checkPortfolio(portfolio, decisions));
        for (ProposedTrade trade : facts.trades()) {
            checkTrade(trade, facts, decisions);
        }
        return decisions;
    }

    private void checkPosition(PositionRisk position, List<RiskDecision> decisions) {
        String asset = position.asset();
        String side = position.quantity() < 0 ? "short" : "long";
        double pnl = position.unrealisedPnlFraction();
        double soft = limit("stopLoss.softLossFraction");
        double hard = limit("stopLoss.hardLossFraction");
        if (pnl <= -hard) {
            decisions.add(RiskDecision.of("hard stop-loss", Severity.CRITICAL, RiskAction.EXIT, RiskSubject.asset(asset),
                    format("%s: %s position at a loss of %.2f%% (average entry %s, last %s) reached the hard stop-loss of %s%%",
                            asset, side, -100 * pnl, plain(position.averageEntryPrice()), plain(position.lastPrice()), percent(hard))));
        } else if (pnl <= -soft) {
            double reduce = limit("stopLoss.softReduceFraction");
            decisions.add(RiskDecision.reduce("soft stop-loss", Severity.WARNING, reduce, RiskSubject.asset(asset),
                    format("%s: %s position at a loss of %.2f%% (average entry %s, last %s) reached the soft stop-loss of %s%%: reduce it by %s%%",
                            asset, side, -100 * pnl, plain(position.averageEntryPrice()), plain(position.lastPrice()),
                            percent(soft), percent(reduce))));
        }
        double trailing = limit("stopLoss.trailingFromPeakFraction");
        boolean gained = position.quantity() > 0 ? position.peakPriceSinceEntry() > position.averageEntryPrice()
                : position.peakPriceSinceEntry() < position.averageEntryPrice();
        if (gained && rounded(position.declineFromPeakFraction()) >= trailing) {
            decisions.add(RiskDecision.of("trailing stop", Severity.WARNING, RiskAction.EXIT, RiskSubject.asset(asset),
                    format("%s: %s position %.2f%% back from its best price of %s since entry (average entry %s, last %s) reached the trailing stop of %s%%",
                            asset, side, 100 * position.declineFromPeakFraction(), plain(position.peakPriceSinceEntry()),
                            plain(position.averageEntryPrice()), plain(position.lastPrice()), percent(trailing))));
        }
        double warn = limit("concentration.assetWarnWeightFraction");
        if (Math.abs(position.weight()) > warn) {
            decisions.add(RiskDecision.of("asset concentration", Severity.WARNING, RiskAction.ALLOW, RiskSubject.asset(asset),
                    format("%s: weight of %.2f%% of NAV is over the asset limit of %s%%", asset, 100 * position.weight(), percent(warn))));
        }
        double distanceLimit = limit("leverage.liquidationDistanceFraction");
        if (position.hasLiquidationPrice() && rounded(position.distanceToLiquidationFraction()) < distanceLimit) {
            double reduce = limit("leverage.liquidationReduceFraction");
            decisions.add(RiskDecision.reduce("liquidation distance", Severity.CRITICAL, reduce, RiskSubject.asset(asset),
                    format("%s: last price %s is %.2f%% from the liquidation price %s, under the limit of %s%%: reduce it by %s%%",
                            asset, plain(position.lastPrice()), 100 * position.distanceToLiquidationFraction(),
                            plain(position.liquidationPrice()), percent(distanceLimit), percent(reduce))));
        }
    }

    private void checkSectors(List<PositionRisk> positions, List<RiskDecision> decisions) {
        Map<String, Double> weightBySector = new LinkedHashMap<>();
        Map<String, TreeSet<String>> portfoliosBySector = new LinkedHashMap<>();
        for (PositionRisk position : positions) {
            if (position.quantity() != 0) {
                weightBySector.merge(position.sector(), position.weight(), Double::sum);
                portfoliosBySector.computeIfAbsent(position.sector(), sector -> new TreeSet<>()).add(position.portfolioId());
            }
        }
        double limit = limit("concentration.sectorBlockWeightFraction");
        weightBySector.forEach((sector, weight) -> {
            if (Math.abs(rounded(weight)) > limit) {
                decisions.add(RiskDecision.of("sector concentration", Severity.WARNING, RiskAction.ALLOW,
                        RiskSubject.portfolio(String.join(",", portfoliosBySector.get(sector))),
                        format("sector %s: weight of %.2f%% of NAV is over the sector limit of %s%%", sector, 100 * weight, percent(limit))));
            }
        });
    }

    private void checkPortfolio(PortfolioRisk portfolio, List<RiskDecision> decisions) {
        String id = portfolio.portfolioId();
        RiskSubject subject = RiskSubject.portfolio(id);
        double breaker = limit("stopLoss.circuitBreakerDailyLossFraction");
        if (portfolio.dailyReturnFraction() <= -breaker) {
            decisions.add(RiskDecision.of("circuit breaker", Severity.CRITICAL, RiskAction.HALT_TRADING, subject,
                    format("portfolio %s: daily return of %.2f%% (P&L %s) reached the circuit breaker at a daily loss of %s%%: trading halted",
                            id, 100 * portfolio.dailyReturnFraction(), plain(portfolio.dailyPnl()), percent(breaker))));
        }
        double herfindahl = limit("concentration.herfindahlWarnIndex");
        if (portfolio.herfindahlIndex() > herfindahl) {
            decisions.add(RiskDecision.of("herfindahl concentration", Severity.WARNING, RiskAction.ALLOW, subject,
                    format("portfolio %s: Herfindahl index of %.4f is over the limit of %s", id, portfolio.herfindahlIndex(), plain(herfindahl))));
        }
        double drawdown = rounded(portfolio.drawdownFraction());
        double warn = limit("drawdown.warnFraction");
        double reduce = limit("drawdown.reduceFraction");
        double halt = limit("drawdown.haltFraction");
        String navs = "(NAV " + plain(portfolio.netAssetValue()) + ", peak " + plain(portfolio.peakNetAssetValue()) + ")";
        if (drawdown >= halt) {
            decisions.add(RiskDecision.of("drawdown halt", Severity.CRITICAL, RiskAction.HALT_TRADING, subject,
                    format("portfolio %s: drawdown of %.2f%% %s reached the halt level of %s%%: trading halted",
                            id, 100 * portfolio.drawdownFraction(), navs, percent(halt))));
        } else if (drawdown >= reduce) {
            double by = limit("drawdown.reduceGrossExposureBy");
            decisions.add(RiskDecision.reduce("drawdown reduce", Severity.WARNING, by, subject,
                    format("portfolio %s: drawdown of %.2f%% %s reached the reduce level of %s%%: reduce gross exposure by %s%%",
                            id, 100 * portfolio.drawdownFraction(), navs, percent(reduce), percent(by))));
        } else if (drawdown >= warn) {
            decisions.add(RiskDecision.of("drawdown warning", Severity.WARNING, RiskAction.ALLOW, subject,
                    format("portfolio %s: drawdown of %.2f%% %s reached the warning level of %s%%",
                            id, 100 * portfolio.drawdownFraction(), navs, percent(warn))));
        }
        double var = limit("valueAtRisk.limit95NavFraction");
        if (!portfolio.hasValueAtRisk()) {
            decisions.add(RiskDecision.of("value at risk unknown", Severity.INFO, RiskAction.ALLOW, subject,
                    format("portfolio %s: 1-day VaR 95%% is unknown (too little price history), so the VaR limit is not checked", id)));
        } else if (portfolio.valueAtRisk95Fraction() > var) {
            decisions.add(RiskDecision.of("value at risk", Severity.WARNING, RiskAction.ALLOW, subject,
                    format("portfolio %s: 1-day VaR 95%% of %.2f%% of NAV is over the limit of %s%%",
                            id, 100 * portfolio.valueAtRisk95Fraction(), percent(var))));
        }
        double maxLeverage = limit("leverage.maxLeverage");
        if (portfolio.leverage() > maxLeverage) {
            decisions.add(RiskDecision.of("leverage", Severity.WARNING, RiskAction.ALLOW, subject,
                    format("portfolio %s: leverage of %.2fx (gross exposure %s, NAV %s) is over the maximum of %sx",
                            id, portfolio.leverage(), plain(portfolio.grossExposure()), plain(portfolio.netAssetValue()), plain(maxLeverage))));
        }
    }

    private void checkTrade(ProposedTrade trade, RiskFacts facts, List<RiskDecision> decisions) {
        RiskSubject subject = RiskSubject.trade(trade.id());
        String what = "trade " + trade.id() + " (" + trade.side() + " " + plain(trade.quantity()) + " " + trade.asset() + ")";
        // the sector's own size decides, not the asset's: a hedge reducing a concentrated sector goes ahead
        double sector = limit("concentration.sectorBlockWeightFraction");
        if (trade.increasesSectorExposure() && Math.abs(trade.resultingSectorWeight()) > sector) {
            decisions.add(RiskDecision.of("trade sector concentration", Severity.CRITICAL, RiskAction.BLOCK_TRADE, subject,
                    format("%s would take sector %s from %.2f%% to %.2f%% of NAV, over the sector limit of %s%%",
                            what, trade.sector(), 100 * trade.currentSectorWeight(), 100 * trade.resultingSectorWeight(), percent(sector))));
        }
        if (!trade.increasesExposure()) {
            return;
        }
        double warn = limit("concentration.assetWarnWeightFraction");
        double block = limit("concentration.assetBlockWeightFraction");
        double weight = Math.abs(trade.resultingWeight());
        if (weight > block) {
            decisions.add(RiskDecision.of("trade asset concentration", Severity.CRITICAL, RiskAction.BLOCK_TRADE, subject,
                    format("%s would take %s from %.2f%% to %.2f%% of NAV, over the asset limit of %s%%",
                            what, trade.asset(), 100 * trade.currentWeight(), 100 * trade.resultingWeight(), percent(block))));
        } else if (weight > warn) {
            decisions.add(RiskDecision.of("trade asset concentration approval", Severity.WARNING, RiskAction.NEEDS_APPROVAL, subject,
                    format("%s would take %s from %.2f%% to %.2f%% of NAV, over the asset warning limit of %s%%",
                            what, trade.asset(), 100 * trade.currentWeight(), 100 * trade.resultingWeight(), percent(warn))));
        }
        double maxLeverage = limit("leverage.maxLeverage");
        if (trade.resultingLeverage() > maxLeverage) {
            decisions.add(RiskDecision.of("trade leverage", Severity.CRITICAL, RiskAction.BLOCK_TRADE, subject,
                    format("%s would take leverage to %.2fx, over the maximum of %sx", what, trade.resultingLeverage(), plain(maxLeverage))));
        }
        if (facts.portfolio().isEmpty()) {
            return;
        }
        PortfolioRisk portfolio = facts.portfolio().get();
        if (trade.resultingLeverage() <= maxLeverage && portfolio.leverage() > maxLeverage) {
            decisions.add(RiskDecision.of("trade while over leverage", Severity.CRITICAL, RiskAction.BLOCK_TRADE, subject,
                    format("%s adds exposure while the leverage of %.2fx is over the maximum of %sx", what, portfolio.leverage(), plain(maxLeverage))));
        }
        double breaker = limit("stopLoss.circuitBreakerDailyLossFraction");
        if (portfolio.dailyReturnFraction() <= -breaker) {
            decisions.add(RiskDecision.of("trade during circuit breaker", Severity.CRITICAL, RiskAction.BLOCK_TRADE, subject,
                    format("%s adds exposure while the circuit breaker halts trading (daily return %.2f%%, breaker at a daily loss of %s%%)",
                            what, 100 * portfolio.dailyReturnFraction(), percent(breaker))));
        }
        double halt = limit("drawdown.haltFraction");
        if (rounded(portfolio.drawdownFraction()) >= halt) {
            decisions.add(RiskDecision.of("trade during drawdown halt", Severity.CRITICAL, RiskAction.BLOCK_TRADE, subject,
                    format("%s adds exposure while the drawdown of %.2f%% halts trading (halt level %s%%)",
                            what, 100 * portfolio.drawdownFraction(), percent(halt))));
        }
        double var = limit("valueAtRisk.limit95NavFraction");
        if (portfolio.valueAtRisk95Fraction() > var) {
            decisions.add(RiskDecision.of("trade value at risk", Severity.CRITICAL, RiskAction.BLOCK_TRADE, subject,
                    format("%s adds exposure while the 1-day VaR 95%% of %.2f%% of NAV is over the limit of %s%%",
                            what, 100 * portfolio.valueAtRisk95Fraction(), percent(var))));
        }
    }

    private double limit(String name) {
        return limits.value(name);
    }

    /** Rounded to 10 decimals, as the rules round a ratio subtracted from 1 before comparing it. */
    private static double rounded(double fraction) {
        return Math.round(fraction * 1e10) / 1e10;
    }

    private static String format(String pattern, Object... arguments) {
        return String.format(Locale.ROOT, pattern, arguments);
    }

    /** A number as written, without trailing zeros: 100 for 100.0. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A fraction as a percentage without trailing zeros: 8 for 0.08. */
    private static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
