package io.ballast.platform.http;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.construction.OptimizedPortfolio;
import io.ballast.platform.construction.PortfolioPerformance;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.risk.report.PortfolioRiskReport;
import io.ballast.platform.quant.risk.report.RiskReportSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Records what the HTTP layer made of a request and answers with a fixed portfolio; the quant stages are tested on their own. */
final class FakeQuant implements QuantPort {

    final AtomicReference<ConstructionRequest> lastRequest = new AtomicReference<>();
    final AtomicReference<List<Object>> lastStoredPrices = new AtomicReference<>();

    @Override
    public PriceHistory storedPrices(List<String> assets, Optional<LocalDate> from, Optional<LocalDate> to) {
        lastStoredPrices.set(List.of(assets, from, to));
        if (assets.contains("NOPE")) {
            throw new InvalidInputException("prices.assets[" + assets.indexOf("NOPE") + "]", "no instrument NOPE is stored");
        }
        Map<String, double[]> closesByAsset = new java.util.LinkedHashMap<>();
        assets.forEach(asset -> closesByAsset.put(asset, new double[] {100, 101}));
        return new PriceHistory(List.of(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 3)), closesByAsset);
    }

    @Override
    public OptimizedPortfolio optimize(ConstructionRequest request) {
        lastRequest.set(request);
        List<String> assets = request.prices().assets();
        double weight = 1.0 / assets.size();
        Map<String, Double> weights = new java.util.LinkedHashMap<>();
        assets.forEach(asset -> weights.put(asset, weight));
        return new OptimizedPortfolio(request.method(), new TargetWeights(weights), new PortfolioPerformance(0.1, 0.2, 0.4));
    }

    @Override
    public List<OptimizedPortfolio> frontier(ConstructionRequest request, int points) {
        lastRequest.set(request);
        return java.util.Collections.nCopies(points, optimize(request));
    }

    @Override
    public PortfolioRiskReport riskReport(PriceHistory prices, Map<String, Double> weightByAsset, RiskReportSettings settings) {
        throw new UnsupportedOperationException("risk reports are tested on the packaged platform");
    }
}
