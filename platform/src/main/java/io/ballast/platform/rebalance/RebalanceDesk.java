package io.ballast.platform.rebalance;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.estimate.EstimationSettings;
import io.ballast.platform.quant.estimate.SampleCovariance;
import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.risk.Volatility;
import io.ballast.platform.rebalance.trigger.ManualTrigger;
import io.ballast.platform.rebalance.trigger.TriggerFiring;
import io.ballast.platform.store.InsertedRebalance;
import io.ballast.platform.store.InstrumentRepository;
import io.ballast.platform.store.NewRebalance;
import io.ballast.platform.store.PortfolioRepository;
import io.ballast.platform.store.PriceBarRepository;
import io.ballast.platform.store.RebalanceRepository;
import io.ballast.platform.store.StoredRebalance;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebalance stage's entry point for proposals: from a stored portfolio at the last stored closes
 * and target weights (given, or from an optimizer on about a year of stored closes) to a stored
 * PROPOSED rebalance whose approval process has started.
 *
 * <ul>
 *   <li>Holdings: the portfolio's positions and cash at each asset's last stored close; a targeted
 *       asset not held enters with quantity 0. The target {@code CASH} is the cash's weight, not an
 *       asset: it is neither looked up nor priced.</li>
 *   <li>Market: per asset the daily volatility of the simple returns of its last {@value #LIQUIDITY_BARS}
 *       bars and their average volume; the annual sample covariance (the quant core's default) of
 *       the last {@value #COVARIANCE_BARS} closes, crypto over 365 days a year, the rest over 252.</li>
 *   <li>Stored PROPOSED with a manual trigger carrying the reason; the same user with the same
 *       idempotency key gets the rebalance that key made, and nothing new starts.</li>
 *   <li>The approval process starts only for a rebalance created now; when it cannot start, the
 *       rebalance is stored FAILED with the reason, so nothing waits for a process that is not there.</li>
 * </ul>
 */
public final class RebalanceDesk {

    /** The bars the liquidity estimates use: about a trading month. */
    static final int LIQUIDITY_BARS = 20;
    /** The closes the covariance (and an optimizer) use: about a year of trading days and the close before it. */
    static final int COVARIANCE_BARS = 253;
    /** Crypto trades every day of the year. */
    static final int CRYPTO_PERIODS_PER_YEAR = 365;
    static final String DEFAULT_REASON = "rebalance requested";
    /** The header a proposal's idempotency key comes in, named in errors about it. */
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceDesk.class);

    /** Starts the approval process of a rebalance just stored, with the windows that hold for its portfolio. */
    @FunctionalInterface
    public interface ApprovalProcessStarter {
        void start(StoredRebalance rebalance, BallastConfig.PortfolioApproval approval);
    }

    private final PortfolioRepository portfolios;
    private final InstrumentRepository instruments;
    private final PriceBarRepository priceBars;
    private final RebalanceRepository rebalances;
    private final PortfolioConstruction construction;
    private final BallastConfig.Rebalance config;
    private final ApprovalProcessStarter processes;
    private final Clock clock;

    public RebalanceDesk(PortfolioRepository portfolios, InstrumentRepository instruments, PriceBarRepository priceBars,
                         RebalanceRepository rebalances, PortfolioConstruction construction, BallastConfig.Rebalance config,
                         ApprovalProcessStarter processes, Clock clock) {
        this.portfolios = Objects.requireNonNull(portfolios, "portfolios");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.priceBars = Objects.requireNonNull(priceBars, "priceBars");
        this.rebalances = Objects.requireNonNull(rebalances, "rebalances");
        this.construction = Objects.requireNonNull(construction, "construction");
        this.config = Objects.requireNonNull(config, "config");
        this.processes = Objects.requireNonNull(processes, "processes");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Proposes, stores and starts the approval of a rebalance of {@code portfolioId}.
     *
     * @param reason why the user asks; {@value #DEFAULT_REASON} when not given
     * @return empty when there is no such portfolio
     * @throws InvalidInputException naming the field (e.g. {@code targetWeights.XYZ} for an unknown asset,
     *         {@code targetWeights} when nothing is left to trade); nothing is stored
     * @throws InvalidInputException naming {@code Idempotency-Key} when the user's key names a rebalance of
     *         another portfolio
     * @throws io.ballast.platform.problem.ConflictException (409) when the portfolio has a rebalance that has
     *         not ended (the same idempotency key still answers its own rebalance); nothing is stored
     */
    /**
     * The rebalance a key already names, when it is of {@code portfolioId}; a key is the user's for one
     * request, and answering another portfolio's rebalance would tell the caller this one was proposed.
     */
    private static StoredRebalance sameKeySamePortfolio(StoredRebalance earlier, String portfolioId, String key) {
        if (!earlier.portfolioId().equals(portfolioId)) {
            throw new InvalidInputException(IDEMPOTENCY_KEY, "'" + key + "' was already used for rebalance " + earlier.id()
                    + " of portfolio " + earlier.portfolioId() + "; use a new key for a rebalance of portfolio " + portfolioId);
        }
        return earlier;
    }

    public Optional<InsertedRebalance> propose(String portfolioId, RebalanceRequest request, Optional<String> reason,
                                               Optional<String> idempotencyKey, String user) {
        String why = reason.filter(text -> !text.isBlank()).orElse(DEFAULT_REASON);
        return propose(portfolioId, request, idempotencyKey, user, now -> ManualTrigger.fire(now, user, why));
    }

    /**
     * Proposes, stores and starts the approval of a rebalance a trigger asked for: proposed by
     * {@value TriggerFiring#SYSTEM}, with the firing recorded as its trigger.
     *
     * @return empty when there is no such portfolio
     * @throws InvalidInputException as {@link #propose(String, RebalanceRequest, Optional, Optional, String)}; nothing is stored
     */
    public Optional<InsertedRebalance> proposeTriggered(String portfolioId, RebalanceRequest request, TriggerFiring firing) {
        Objects.requireNonNull(firing, "firing");
        return propose(portfolioId, request, Optional.empty(), TriggerFiring.SYSTEM, now -> firing);
    }

    /**
     * Each held asset's weight in the portfolio at its last stored close, a fraction of the NAV (cash
     * is the rest): what the triggers see as the portfolio now.
     *
     * @return empty when there is no such portfolio
     * @throws InvalidInputException naming the field when a held asset has no stored price, or the NAV is not positive
     */
    public Optional<Map<String, Double>> currentWeights(String portfolioId) {
        Optional<Portfolio> found = portfolios.find(portfolioId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Market market = market(found.get(), Map.of());
        Holdings holdings = holdings(found.get(), market.assets(), market.barsByAsset());
        double netAssetValue = holdings.netAssetValue().doubleValue();
        if (!(netAssetValue > 0)) {
            throw new InvalidInputException("portfolio", "its NAV at the last closes is " + netAssetValue + ", so it has no weights");
        }
        Map<String, Double> current = new LinkedHashMap<>();
        for (Holding holding : holdings.holdings()) {
            current.put(holding.asset(), holding.marketValue().doubleValue() / netAssetValue);
        }
        return Optional.of(current);
    }

    /**
     * The targets a proposal of {@code request} would aim at now: the given weights, or the ones its
     * optimizer gives on the stored closes of the held and targeted assets.
     *
     * @return empty when there is no such portfolio
     * @throws InvalidInputException as a proposal would, naming the field
     */
    public Optional<TargetWeights> targetWeights(String portfolioId, RebalanceRequest request) {
        Objects.requireNonNull(request, "request");
        Optional<Portfolio> found = portfolios.find(portfolioId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (request.optimizer().isBlank()) {
            return Optional.of(targets(request.targetWeights()));
        }
        return Optional.of(optimized(request, market(found.get(), request.targetWeights()).history()));
    }

    /** The assets a proposal looks at (held, then targeted), their instruments and their last stored bars. */
    private record Market(Set<String> assets, Map<String, Instrument> instrumentByAsset, Map<String, List<PriceBar>> barsByAsset,
                          PriceHistory history) {
    }

    private Market market(Portfolio portfolio, Map<String, Double> targetWeights) {
        Set<String> assets = new LinkedHashSet<>();
        portfolio.positions().forEach(position -> assets.add(position.asset()));
        Map<String, Instrument> instrumentByAsset = new HashMap<>();
        for (String asset : assets) {
            instruments.find(asset).ifPresent(instrument -> instrumentByAsset.put(asset, instrument));
        }
        for (String asset : targetWeights.keySet()) {
            if (TargetWeights.isCash(asset)) {
                continue; // the cash's weight: no instrument, no price, not in the covariance (riskless)
            }
            if (!instrumentByAsset.containsKey(asset)) { // a held asset's instrument was read above
                instrumentByAsset.put(asset, instruments.find(asset).orElseThrow(
                        () -> new InvalidInputException("targetWeights." + asset, "no instrument " + asset + " is stored")));
            }
            assets.add(asset);
        }
        Map<String, List<PriceBar>> barsByAsset = priceBars.recentBars(assets, COVARIANCE_BARS);
        barsByAsset.forEach((asset, bars) -> {
            if (bars.isEmpty()) {
                String field = targetWeights.containsKey(asset) ? "targetWeights." + asset : "positions." + asset;
                throw new InvalidInputException(field, "asset " + asset + " has no stored price to trade it at");
            }
        });
        return new Market(assets, instrumentByAsset, barsByAsset, PriceHistory.ofBars(barsByAsset));
    }

    private Optional<InsertedRebalance> propose(String portfolioId, RebalanceRequest request, Optional<String> idempotencyKey, String user,
                                                java.util.function.Function<Instant, TriggerFiring> trigger) {
        Objects.requireNonNull(request, "request");
        Optional<Portfolio> found = portfolios.find(portfolioId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (idempotencyKey.isPresent()) {
            Optional<StoredRebalance> earlier = rebalances.findByIdempotencyKey(user, idempotencyKey.get());
            if (earlier.isPresent()) {
                return Optional.of(new InsertedRebalance(sameKeySamePortfolio(earlier.get(), portfolioId, idempotencyKey.get()), false));
            }
        }
        Portfolio portfolio = found.get();
        boolean given = request.optimizer().isBlank();
        String targetsField = given ? "targetWeights" : "optimizer";

        Market marketNow = market(portfolio, request.targetWeights());
        Set<String> assets = marketNow.assets();
        Map<String, Instrument> instrumentByAsset = marketNow.instrumentByAsset();
        Map<String, List<PriceBar>> barsByAsset = marketNow.barsByAsset();
        PriceHistory history = marketNow.history();

        TargetWeights targets = given ? targets(request.targetWeights()) : optimized(request, history);
        Holdings holdings = holdings(portfolio, assets, barsByAsset);
        ProposalMarket market = market(assets, barsByAsset, history, instrumentByAsset);
        RebalanceProposal proposal = new RebalanceProposer(settings(config.proposal(), instrumentByAsset)).propose(holdings, targets, market);
        if (proposal.trades().isEmpty()) {
            throw new InvalidInputException(targetsField, "nothing to trade: " + proposal.verdictReason());
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BallastConfig.PortfolioApproval approval = config.approvalOf(portfolio.id());
        InsertedRebalance inserted = rebalances.insert(new NewRebalance(java.util.UUID.randomUUID().toString(), portfolio.id(), user, now,
                idempotencyKey, request, proposal, Optional.of(trigger.apply(now)), approval.approvalWindow(), approval.escalationWindow()));
        if (!inserted.created()) {
            // another request with this key won the race
            sameKeySamePortfolio(inserted.rebalance(), portfolioId, idempotencyKey.orElseThrow());
            return Optional.of(inserted);
        }
        StoredRebalance stored = inserted.rebalance();
        try {
            processes.start(stored, approval);
        } catch (RuntimeException e) {
            LOG.warn("Rebalance {}: its approval process did not start; stored as FAILED", stored.id(), e);
            rebalances.transition(stored.id(), Optional.of(RebalanceStatus.PROPOSED), RebalanceStatus.FAILED, TriggerFiring.SYSTEM,
                    "the approval process could not start: " + e.getMessage(), clock.instant().truncatedTo(ChronoUnit.MICROS));
            stored = rebalances.find(stored.id()).orElseThrow();
        }
        return Optional.of(new InsertedRebalance(stored, true));
    }

    private static TargetWeights targets(Map<String, Double> weights) {
        try {
            return new TargetWeights(weights);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("targetWeights", e.getMessage());
        }
    }

    private TargetWeights optimized(RebalanceRequest request, PriceHistory history) {
        ConstructionRequest construct = new ConstructionRequest(request.optimizer(), history, EstimationSettings.defaults(),
                ConstructionRequest.DEFAULT_ANNUAL_RISK_FREE_RATE, WeightConstraints.longOnly(), MarketViews.none(),
                request.optimizerParameters());
        return construction.optimize(construct).weights();
    }

    private static Holdings holdings(Portfolio portfolio, Set<String> assets, Map<String, List<PriceBar>> barsByAsset) {
        Map<String, BigDecimal> held = new HashMap<>();
        for (Position position : portfolio.positions()) {
            held.put(position.asset(), position.quantity());
        }
        List<Holding> holdings = new ArrayList<>();
        for (String asset : assets) {
            List<PriceBar> bars = barsByAsset.get(asset);
            holdings.add(new Holding(asset, held.getOrDefault(asset, BigDecimal.ZERO), bars.getLast().close()));
        }
        return new Holdings(portfolio.baseCurrency(), portfolio.cash(), holdings);
    }

    /**
     * The liquidity of each asset and the annual covariance, crypto annualised over 365 days a year and
     * the rest over 252 trading days; a mixed pair over the days both trade (see
     * {@link SampleCovariance#annualisedPerPairCalendar}).
     */
    static ProposalMarket market(Set<String> assets, Map<String, List<PriceBar>> barsByAsset, PriceHistory history,
                                 Map<String, Instrument> instrumentByAsset) {
        Map<String, AssetLiquidity> liquidity = new HashMap<>();
        for (String asset : assets) {
            List<PriceBar> bars = barsByAsset.get(asset);
            List<PriceBar> recent = bars.subList(Math.max(0, bars.size() - LIQUIDITY_BARS - 1), bars.size());
            if (recent.size() < 3) {
                throw new InvalidInputException("prices." + asset, "needs at least 3 stored bars to estimate its volatility, has " + recent.size());
            }
            double[] returns = new double[recent.size() - 1];
            for (int i = 1; i < recent.size(); i++) {
                returns[i - 1] = recent.get(i).close().doubleValue() / recent.get(i - 1).close().doubleValue() - 1;
            }
            List<PriceBar> volumeBars = bars.subList(Math.max(0, bars.size() - LIQUIDITY_BARS), bars.size());
            double averageVolume = volumeBars.stream().mapToDouble(bar -> bar.volume().doubleValue()).average().orElse(0);
            if (!(averageVolume > 0)) {
                throw new InvalidInputException("prices." + asset, "has no traded volume over its last " + volumeBars.size()
                        + " bars, so its market impact cannot be estimated");
            }
            liquidity.put(asset, new AssetLiquidity(Volatility.periodic(returns), averageVolume));
        }
        ReturnSeries returns = ReturnSeries.simple(history);
        int[] periodsPerYear = returns.assets().stream().mapToInt(asset -> periodsPerYear(instrumentByAsset.get(asset))).toArray();
        double[][] covariance = SampleCovariance.annualisedPerPairCalendar(returns, periodsPerYear);
        return ProposalMarket.of(liquidity, returns.assets(), covariance);
    }

    /** Days a year an asset trades: crypto every day, the rest on trading days (as DESIGN.md and the sample market have it). */
    static int periodsPerYear(Instrument instrument) {
        return instrument != null && instrument.assetClass() == AssetClass.CRYPTO ? CRYPTO_PERIODS_PER_YEAR
                : EstimationSettings.DEFAULT_PERIODS_PER_YEAR;
    }

    /**
     * The proposal settings of the configuration for these assets: the crypto lot size for crypto
     * assets, the equity one for the rest. The execution cuts slices with the same settings.
     */
    public static ProposalSettings settings(BallastConfig.Proposal proposal, Map<String, Instrument> instrumentByAsset) {
        Map<String, BigDecimal> lots = new HashMap<>();
        BigDecimal cryptoLot = decimal(proposal.cryptoLotSize());
        instrumentByAsset.forEach((asset, instrument) -> {
            if (instrument.assetClass() == AssetClass.CRYPTO) {
                lots.put(asset, cryptoLot);
            }
        });
        return new ProposalSettings(proposal.minimumTradeNotional(), decimal(proposal.equityLotSize()), lots, proposal.feeBps(),
                proposal.halfSpreadBps(), Map.of(), proposal.impactCoefficient(), proposal.twapThresholdFractionOfDailyVolume(),
                proposal.twapSliceCount(), proposal.benefitMultiplier());
    }

    /** The decimal a configured double was written as: 0.0001, not 0.000100000000000000004792. */
    private static BigDecimal decimal(double value) {
        return new BigDecimal(Double.toString(value)).stripTrailingZeros();
    }
}
