package io.ballast.platform.riskfacts;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.api.risk.PortfolioRisk;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.ProposedTrade;
import io.ballast.api.risk.VolatilityRegime;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.risk.TailLoss;
import io.ballast.platform.risk.RiskFacts;
import io.ballast.platform.store.InstrumentRepository;
import io.ballast.platform.store.PortfolioNavRepository;
import io.ballast.platform.store.PortfolioRepository;
import io.ballast.platform.store.PriceBarRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The facts stage's entry point: builds the {@link RiskFacts} the rules judge from a stored portfolio
 * or from inline positions, the stored prices and instrument data, plus optional proposed trades.
 *
 * <ul>
 *   <li>Sector: given, else the instrument data's, else {@value PositionRisk#UNCLASSIFIED_SECTOR}.
 *       Last price: given, else the store's latest close. Market value {@code quantity × last};
 *       NAV = cash + the market values; weight = market value / NAV (0 when the NAV is not positive).</li>
 *   <li>Peak price since entry of a stored position: the best daily close (highest for a long, lowest
 *       for a short) of the days from the portfolio's creation day on, the entry and last prices
 *       included. Inline: given, else the better of entry and last price.</li>
 *   <li>VaR/ES 95% and 99%, one day, fractions of the NAV: historical simulation over the last 250
 *       daily returns at today's weights (see {@link PortfolioReturnHistory}); NaN with fewer than 60.</li>
 *   <li>Peak NAV: the highest recorded for a stored portfolio (or given inline) and the current NAV.</li>
 *   <li>Daily P&L: for a position priced from the store, {@code quantity × (last close − the close before it)}
 *       when its last bar is on the newest bar day among the held assets, else 0 (it did not trade today, and
 *       yesterday's move is not today's); for an inline position with a given last price,
 *       {@code quantity × (given last − the latest stored close)}, 0 without a stored close.</li>
 *   <li>Gross exposure {@code Σ|MV|}, net {@code Σ MV}, Herfindahl {@code Σ weight²}.</li>
 *   <li>Volatility regime: see {@link VolatilityRegimeClassifier}.</li>
 *   <li>Trades: notional {@code quantity × last price}; "current" figures before the trades, "resulting"
 *       ones after all trades applied together, cash moving by the notional (so the NAV at last prices is
 *       unchanged), costs ignored.</li>
 * </ul>
 * Calls block on the store. Bad input: {@link InvalidInputException} naming the JSON path.
 */
public final class RiskFactsAssembler {

    /** The {@code portfolioId} of the facts of an inline portfolio. */
    public static final String INLINE_PORTFOLIO_ID = "inline";

    private static final double[] CONFIDENCES = {0.95, 0.99};

    private final InstrumentRepository instruments;
    private final PriceBarRepository priceBars;
    private final PortfolioRepository portfolios;
    private final PortfolioNavRepository navs;
    private final Clock clock;

    public RiskFactsAssembler(InstrumentRepository instruments, PriceBarRepository priceBars, PortfolioRepository portfolios,
                              PortfolioNavRepository navs, Clock clock) {
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.priceBars = Objects.requireNonNull(priceBars, "priceBars");
        this.portfolios = Objects.requireNonNull(portfolios, "portfolios");
        this.navs = Objects.requireNonNull(navs, "navs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The facts of a stored portfolio; empty when there is none with that id.
     *
     * A held asset without any stored price is left out, as the valuation leaves it out of the NAV.
     *
     * @throws InvalidInputException a trade is bad ({@code trades[i]...})
     */
    public Optional<RiskFacts> ofStored(String portfolioId, List<TradeRequest> trades) {
        Optional<Portfolio> found = portfolios.find(portfolioId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Portfolio portfolio = found.get();
        List<TradeRequest> checkedTrades = checkTrades(trades);
        List<String> assets = portfolio.positions().stream().map(Position::asset).toList();
        Map<String, List<PriceBar>> history = history(assets);
        Instant sinceDay = portfolio.createdAt().truncatedTo(ChronoUnit.DAYS);
        List<Holding> holdings = new ArrayList<>();
        for (Position position : portfolio.positions()) {
            List<PriceBar> bars = history.get(position.asset());
            if (bars.isEmpty()) {
                // as in the valuation: an asset without a price yet (a new listing) is left out of the NAV and of
                // the facts; refusing the whole portfolio would leave its priced positions unguarded
                continue;
            }
            double entry = position.averagePrice().doubleValue();
            double last = bars.getLast().close().doubleValue();
            double quantity = position.quantity().doubleValue();
            holdings.add(new Holding(position.asset(), sectorOf(position.asset()), quantity, entry, last,
                    peakSince(position.asset(), quantity, entry, last, sinceDay, bars), 1, null, false));
        }
        Optional<BigDecimal> recordedPeak = navs.peak(portfolio.id());
        return Optional.of(assemble(portfolio.id(), portfolio.cash().doubleValue(),
                recordedPeak.map(BigDecimal::doubleValue).orElse(Double.NEGATIVE_INFINITY), holdings, history, checkedTrades));
    }

    /**
     * The facts of a portfolio sent inline (portfolio id {@value #INLINE_PORTFOLIO_ID}).
     *
     * @throws InvalidInputException naming the first bad field, e.g. {@code positions[1].lastPrice} for an asset without any price
     */
    public RiskFacts ofInline(InlinePortfolio inline, List<TradeRequest> trades) {
        Objects.requireNonNull(inline, "inline");
        if (inline.cash() == null) {
            throw new InvalidInputException("cash", "is required with inline positions");
        }
        if (inline.cash().signum() < 0) {
            throw new InvalidInputException("cash", "must not be negative, got " + inline.cash().toPlainString());
        }
        if (inline.positions() == null) {
            throw new InvalidInputException("positions", "is required");
        }
        if (inline.peakNetAssetValue() != null && inline.peakNetAssetValue().signum() < 0) {
            throw new InvalidInputException("peakNetAssetValue", "must not be negative, got " + inline.peakNetAssetValue().toPlainString());
        }
        List<TradeRequest> checkedTrades = checkTrades(trades);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < inline.positions().size(); i++) {
            checkPosition(inline.positions().get(i), "positions[" + i + "]", seen);
        }
        Map<String, List<PriceBar>> history = history(inline.positions().stream().map(InlinePosition::asset).toList());
        List<Holding> holdings = new ArrayList<>();
        for (int i = 0; i < inline.positions().size(); i++) {
            InlinePosition position = inline.positions().get(i);
            List<PriceBar> bars = history.get(position.asset());
            double last;
            if (position.lastPrice() != null) {
                last = position.lastPrice().doubleValue();
            } else if (!bars.isEmpty()) {
                last = bars.getLast().close().doubleValue();
            } else {
                throw new InvalidInputException("positions[" + i + "].lastPrice",
                        "is required: " + position.asset() + " has no stored price");
            }
            double quantity = position.quantity().doubleValue();
            double entry = position.averageEntryPrice().doubleValue();
            double peak = position.peakPriceSinceEntry() != null ? position.peakPriceSinceEntry().doubleValue()
                    : quantity < 0 ? Math.min(entry, last) : Math.max(entry, last);
            String sector = position.sector() != null ? position.sector() : sectorOf(position.asset());
            holdings.add(new Holding(position.asset(), sector, quantity, entry, last, peak,
                    position.leverage() == null ? 1 : position.leverage().doubleValue(),
                    position.liquidationPrice() == null ? null : position.liquidationPrice().doubleValue(),
                    position.lastPrice() != null));
        }
        double givenPeak = inline.peakNetAssetValue() == null ? Double.NEGATIVE_INFINITY : inline.peakNetAssetValue().doubleValue();
        return assemble(INLINE_PORTFOLIO_ID, inline.cash().doubleValue(), givenPeak, holdings, history, checkedTrades);
    }

    private RiskFacts assemble(String portfolioId, double cash, double recordedPeakNav, List<Holding> holdings,
                               Map<String, List<PriceBar>> history, List<TradeRequest> trades) {
        double nav = cash;
        double gross = 0;
        for (Holding holding : holdings) {
            nav += holding.marketValue();
            gross += Math.abs(holding.marketValue());
        }
        double net = nav - cash;
        Map<String, Double> weights = new LinkedHashMap<>();
        double herfindahl = 0;
        double dailyPnl = 0;
        Optional<Instant> newestBarDay = holdings.stream().map(holding -> history.get(holding.asset()))
                .filter(bars -> !bars.isEmpty()).map(bars -> barDay(bars.getLast())).max(Instant::compareTo);
        List<PositionRisk> positions = new ArrayList<>();
        for (Holding holding : holdings) {
            double weight = nav > 0 ? holding.marketValue() / nav : 0;
            weights.put(holding.asset(), weight);
            herfindahl += weight * weight;
            dailyPnl += dailyPnl(holding, history.get(holding.asset()), newestBarDay);
            positions.add(PositionRisk.ofPrices(portfolioId, holding.asset(), holding.quantity(), holding.entry(), holding.last())
                    .withSector(holding.sector())
                    .withPeakPriceSinceEntry(holding.peak())
                    .withWeight(weight)
                    .withMargin(holding.leverage(), holding.liquidationPrice()));
        }
        double[] tail = tailLosses(holdings, history, weights);
        VolatilityRegime regime = holdings.isEmpty() ? VolatilityRegime.NORMAL
                : VolatilityRegimeClassifier.of(PortfolioReturnHistory.of(history, weights).returns());
        PortfolioRisk portfolio = new PortfolioRisk(portfolioId, nav, Math.max(nav, recordedPeakNav),
                tail[0], tail[1], tail[2], tail[3], gross, net, herfindahl, dailyPnl, regime);
        List<ProposedTrade> proposed = proposedTrades(portfolioId, nav, cash, holdings, trades);
        return RiskFacts.of(portfolio, positions, proposed);
    }

    /**
     * A given last price moves from the latest stored close (that is the "yesterday" the caller's price
     * is today's for); a stored price moves by its last day's move, if that day is today's.
     */
    private static double dailyPnl(Holding holding, List<PriceBar> bars, Optional<Instant> newestBarDay) {
        if (holding.lastGiven()) {
            return bars.isEmpty() ? 0 : holding.quantity() * (holding.last() - bars.getLast().close().doubleValue());
        }
        if (bars.size() < 2 || !newestBarDay.equals(Optional.of(barDay(bars.getLast())))) {
            return 0;
        }
        return holding.quantity() * (bars.getLast().close().doubleValue() - bars.get(bars.size() - 2).close().doubleValue());
    }

    private static Instant barDay(PriceBar bar) {
        return bar.time().truncatedTo(ChronoUnit.DAYS);
    }

    /** VaR 95, ES 95, VaR 99, ES 99; all 0 for a portfolio of cash only (nothing can be lost). */
    private static double[] tailLosses(List<Holding> holdings, Map<String, List<PriceBar>> history, Map<String, Double> weights) {
        if (weights.values().stream().allMatch(weight -> weight == 0)) {
            return holdings.isEmpty() ? new double[4] : new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        PortfolioReturnHistory returns = PortfolioReturnHistory.of(history, weights);
        double[] figures = new double[4];
        for (int i = 0; i < CONFIDENCES.length; i++) {
            TailLoss loss = returns.tailLoss(CONFIDENCES[i]);
            figures[2 * i] = loss.valueAtRiskFraction();
            figures[2 * i + 1] = loss.expectedShortfallFraction();
        }
        return figures;
    }

    private List<ProposedTrade> proposedTrades(String portfolioId, double nav, double cash, List<Holding> holdings,
                                               List<TradeRequest> trades) {
        if (trades.isEmpty()) {
            return List.of();
        }
        Map<String, Double> quantities = new LinkedHashMap<>();
        Map<String, Double> prices = new HashMap<>();
        Map<String, String> sectors = new HashMap<>();
        for (Holding holding : holdings) {
            quantities.put(holding.asset(), holding.quantity());
            prices.put(holding.asset(), holding.last());
            sectors.put(holding.asset(), holding.sector());
        }
        Map<String, Double> currentQuantities = new HashMap<>(quantities);
        for (int i = 0; i < trades.size(); i++) {
            TradeRequest trade = trades.get(i);
            if (!prices.containsKey(trade.asset())) {
                PriceBar latest = priceBars.latestBars(List.of(trade.asset())).get(trade.asset());
                if (latest == null) {
                    throw new InvalidInputException("trades[" + i + "].asset", trade.asset() + " has no stored price to trade at");
                }
                prices.put(trade.asset(), latest.close().doubleValue());
                sectors.put(trade.asset(), sectorOf(trade.asset()));
            }
            double signed = trade.side() == OrderSide.BUY ? trade.quantity().doubleValue() : -trade.quantity().doubleValue();
            quantities.merge(trade.asset(), signed, Double::sum);
        }
        // cash moves by each notional, so the NAV at last prices stays as it is; the weights' base is the same NAV
        double resultingGross = 0;
        Map<String, Double> resultingSectorWeights = new HashMap<>();
        for (Map.Entry<String, Double> entry : quantities.entrySet()) {
            double marketValue = entry.getValue() * prices.get(entry.getKey());
            resultingGross += Math.abs(marketValue);
            resultingSectorWeights.merge(sectors.get(entry.getKey()), nav > 0 ? marketValue / nav : 0, Double::sum);
        }
        Map<String, Double> currentSectorWeights = new HashMap<>();
        for (Map.Entry<String, Double> entry : currentQuantities.entrySet()) {
            double marketValue = entry.getValue() * prices.get(entry.getKey());
            currentSectorWeights.merge(sectors.get(entry.getKey()), nav > 0 ? marketValue / nav : 0, Double::sum);
        }
        double resultingLeverage = nav > 0 ? resultingGross / nav : 0;
        List<ProposedTrade> proposed = new ArrayList<>();
        for (TradeRequest trade : trades) {
            double price = prices.get(trade.asset());
            double current = nav > 0 ? currentQuantities.getOrDefault(trade.asset(), 0.0) * price / nav : 0;
            double resulting = nav > 0 ? quantities.get(trade.asset()) * price / nav : 0;
            proposed.add(new ProposedTrade(trade.id(), portfolioId, trade.asset(), sectors.get(trade.asset()), trade.side(),
                    trade.quantity().doubleValue(), trade.quantity().doubleValue() * price, current, resulting,
                    currentSectorWeights.getOrDefault(sectors.get(trade.asset()), 0.0),
                    resultingSectorWeights.get(sectors.get(trade.asset())), resultingLeverage));
        }
        return proposed;
    }

    /** Checks the trades and gives each its id ({@code 1}, {@code 2}, ... when not given). */
    private static List<TradeRequest> checkTrades(List<TradeRequest> trades) {
        if (trades == null) {
            return List.of();
        }
        List<TradeRequest> checked = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < trades.size(); i++) {
            TradeRequest trade = trades.get(i);
            String path = "trades[" + i + "]";
            if (trade == null) {
                throw new InvalidInputException(path, "must be a trade, not null");
            }
            String id = trade.id() == null ? Integer.toString(i + 1) : trade.id();
            if (id.isBlank()) {
                throw new InvalidInputException(path + ".id", "must not be blank");
            }
            if (!ids.add(id)) {
                throw new InvalidInputException(path + ".id", "'" + id + "' names an earlier trade too; trade ids must be unique");
            }
            if (trade.asset() == null || trade.asset().isBlank()) {
                throw new InvalidInputException(path + ".asset", "is required");
            }
            if (trade.side() == null) {
                throw new InvalidInputException(path + ".side", "is required: BUY or SELL");
            }
            if (trade.quantity() == null || trade.quantity().signum() <= 0) {
                throw new InvalidInputException(path + ".quantity", "must be a positive number of units, got "
                        + (trade.quantity() == null ? "none" : trade.quantity().toPlainString()));
            }
            checked.add(new TradeRequest(id, trade.asset(), trade.side(), trade.quantity()));
        }
        return checked;
    }

    private static void checkPosition(InlinePosition position, String path, Set<String> seen) {
        if (position == null) {
            throw new InvalidInputException(path, "must be a position, not null");
        }
        if (position.asset() == null || position.asset().isBlank()) {
            throw new InvalidInputException(path + ".asset", "is required");
        }
        if (!seen.add(position.asset())) {
            throw new InvalidInputException(path + ".asset", position.asset() + " is held by an earlier position too");
        }
        if (position.quantity() == null || position.quantity().signum() == 0) {
            throw new InvalidInputException(path + ".quantity", "must be a number of units other than 0 (negative for a short)");
        }
        requirePositive(position.averageEntryPrice(), path + ".averageEntryPrice", true);
        requirePositive(position.lastPrice(), path + ".lastPrice", false);
        requirePositive(position.peakPriceSinceEntry(), path + ".peakPriceSinceEntry", false);
        requirePositive(position.liquidationPrice(), path + ".liquidationPrice", false);
        if (position.leverage() != null && position.leverage().compareTo(BigDecimal.ONE) < 0) {
            throw new InvalidInputException(path + ".leverage", "must be at least 1 (1: paid in full), got "
                    + position.leverage().toPlainString());
        }
        if (position.sector() != null && position.sector().isBlank()) {
            throw new InvalidInputException(path + ".sector", "must not be blank");
        }
    }

    private static void requirePositive(BigDecimal value, String path, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidInputException(path, "is required");
            }
            return;
        }
        if (value.signum() <= 0) {
            throw new InvalidInputException(path, "must be a positive price, got " + value.toPlainString());
        }
    }

    /** Each asset's newest bars, enough for a year of returns and the daily P&L; oldest first. */
    private Map<String, List<PriceBar>> history(List<String> assets) {
        return priceBars.recentBars(assets, PortfolioReturnHistory.MAX_RETURNS + 1);
    }

    private double peakSince(String asset, double quantity, double entry, double last, Instant sinceDay, List<PriceBar> recent) {
        // a daily bar's close comes at the end of its day, so the creation day's bar counts
        List<PriceBar> bars = recent.isEmpty() || recent.getFirst().time().isAfter(sinceDay)
                ? priceBars.bars(asset, sinceDay, clock.instant().plus(1, ChronoUnit.DAYS))
                : recent.stream().filter(bar -> !bar.time().isBefore(sinceDay)).toList();
        double peak = quantity < 0 ? Math.min(entry, last) : Math.max(entry, last);
        for (PriceBar bar : bars) {
            double close = bar.close().doubleValue();
            peak = quantity < 0 ? Math.min(peak, close) : Math.max(peak, close);
        }
        return peak;
    }

    private String sectorOf(String asset) {
        return instruments.find(asset).map(Instrument::sector).filter(sector -> !sector.isBlank())
                .orElse(PositionRisk.UNCLASSIFIED_SECTOR);
    }

    /** @param lastGiven whether the last price was given inline rather than taken from the store */
    private record Holding(String asset, String sector, double quantity, double entry, double last, double peak,
                           double leverage, Double liquidationPrice, boolean lastGiven) {

        double marketValue() {
            return quantity * last;
        }
    }
}
