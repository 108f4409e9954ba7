package io.ballast.platform.http;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.construction.OptimizedPortfolio;
import io.ballast.platform.quant.risk.report.PortfolioRiskReport;
import io.ballast.platform.quant.risk.report.RiskReportSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the optimize and risk-report operations need from the quant stages. Every method may block
 * (an optimizer plugin runs up to its timeout); the API calls them off the event loop. Bad input
 * is an {@link io.ballast.platform.problem.InvalidInputException} naming the field.
 */
public interface QuantPort {

    /** The stored daily closes of {@code assets}, both ends inclusive when given. */
    PriceHistory storedPrices(List<String> assets, Optional<LocalDate> from, Optional<LocalDate> to);

    OptimizedPortfolio optimize(ConstructionRequest request);

    List<OptimizedPortfolio> frontier(ConstructionRequest request, int points);

    /** @param weightByAsset weights of some of the history's assets; the others hold 0 */
    PortfolioRiskReport riskReport(PriceHistory prices, Map<String, Double> weightByAsset, RiskReportSettings settings);
}
