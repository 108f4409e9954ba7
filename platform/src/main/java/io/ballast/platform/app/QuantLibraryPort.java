package io.ballast.platform.app;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.construction.OptimizedPortfolio;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.http.QuantPort;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.PriceHistoryRequirement;
import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.risk.report.PortfolioRiskReport;
import io.ballast.platform.quant.risk.report.PortfolioRiskReporter;
import io.ballast.platform.quant.risk.report.RiskReportSettings;
import io.ballast.platform.store.InstrumentRepository;
import io.ballast.platform.store.PriceBarRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The REST API's view of the quant stages: stored prices from the store, optimizers from the plugins. */
final class QuantLibraryPort implements QuantPort {

    private final InstrumentRepository instruments;
    private final PriceBarRepository priceBars;
    private final PortfolioConstruction construction;

    QuantLibraryPort(InstrumentRepository instruments, PriceBarRepository priceBars, PortfolioConstruction construction) {
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.priceBars = Objects.requireNonNull(priceBars, "priceBars");
        this.construction = Objects.requireNonNull(construction, "construction");
    }

    @Override
    public PriceHistory storedPrices(List<String> assets, Optional<LocalDate> from, Optional<LocalDate> to) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new InvalidInputException("prices.from", "is after prices.to (" + from.get() + " > " + to.get() + ")");
        }
        Instant start = from.map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(Instant.EPOCH);
        Instant end = to.map(day -> day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .orElse(Instant.parse("9999-12-31T00:00:00Z"));
        Map<String, List<PriceBar>> barsByAsset = new LinkedHashMap<>();
        for (int i = 0; i < assets.size(); i++) {
            String asset = assets.get(i);
            if (instruments.find(asset).isEmpty()) {
                throw new InvalidInputException("prices.assets[" + i + "]", "no instrument " + asset + " is stored");
            }
            List<PriceBar> bars = priceBars.bars(asset, start, end);
            if (bars.isEmpty()) {
                throw new InvalidInputException(PriceHistoryRequirement.FIELD, "asset " + asset + " has no bars");
            }
            barsByAsset.put(asset, bars);
        }
        PriceHistory history;
        try {
            history = PriceHistory.ofBars(barsByAsset);
        } catch (IllegalArgumentException refused) {
            throw new InvalidInputException(PriceHistoryRequirement.FIELD, refused.getMessage());
        }
        return PriceHistoryRequirement.requireMeasurable(history, PriceHistoryRequirement.FIELD);
    }

    @Override
    public OptimizedPortfolio optimize(ConstructionRequest request) {
        return construction.optimize(request);
    }

    @Override
    public List<OptimizedPortfolio> frontier(ConstructionRequest request, int points) {
        return construction.frontier(request, points);
    }

    @Override
    public PortfolioRiskReport riskReport(PriceHistory prices, Map<String, Double> weightByAsset, RiskReportSettings settings) {
        return PortfolioRiskReporter.report(ReturnSeries.simple(prices), weightByAsset, settings);
    }
}
