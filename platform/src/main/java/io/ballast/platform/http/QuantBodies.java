package io.ballast.platform.http;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.optimizer.InvestorView;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.estimate.CovarianceMethod;
import io.ballast.platform.quant.estimate.EstimationSettings;
import io.ballast.platform.quant.estimate.ExpectedReturnMethod;
import io.ballast.platform.quant.prices.PriceHistoryRequirement;
import io.ballast.platform.quant.risk.HistoricalWindow;
import io.ballast.platform.quant.risk.StressScenario;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The request bodies of the optimize and risk-report operations, as the contract's schemas have
 * already checked them, and their translation into the quant stages' value types. What the
 * schemas cannot say (one price form or the other; a view's assets; bounds that cross) is checked
 * here, naming the JSON path.
 */
final class QuantBodies {

    private QuantBodies() {
    }

    record PriceInput(List<LocalDate> dates, Map<String, List<Double>> closes, List<String> assets, LocalDate from,
            LocalDate to) {

        PriceHistory history(QuantPort quant) {
            boolean inline = dates != null || closes != null;
            boolean stored = assets != null || from != null || to != null;
            if (inline == stored) {
                throw new InvalidInputException("prices", "give either dates and closes (inline prices) or assets"
                        + " (stored prices, optionally from and to), not " + (inline ? "both" : "neither"));
            }
            if (stored) {
                if (assets == null) {
                    throw new InvalidInputException("prices.assets", "is required with from and to");
                }
                return quant.storedPrices(assets, Optional.ofNullable(from), Optional.ofNullable(to));
            }
            if (dates == null || closes == null) {
                throw new InvalidInputException(dates == null ? "prices.dates" : "prices.closes", "is required for inline prices");
            }
            Map<String, double[]> closesByAsset = new LinkedHashMap<>();
            for (Map.Entry<String, List<Double>> asset : closes.entrySet()) {
                List<Double> column = asset.getValue();
                if (column.size() != dates.size()) {
                    throw new InvalidInputException("prices.closes." + asset.getKey(),
                            "has " + column.size() + " closes for " + dates.size() + " dates");
                }
                double[] assetCloses = new double[dates.size()];
                for (int date = 0; date < dates.size(); date++) {
                    Double close = column.get(date);
                    assetCloses[date] = close == null ? Double.NaN : close;
                }
                closesByAsset.put(asset.getKey(), assetCloses);
            }
            PriceHistory history = refusedAs("prices", () -> new PriceHistory(dates, closesByAsset));
            return PriceHistoryRequirement.requireMeasurable(history, "prices");
        }
    }

    record EstimationInput(Integer periodsPerYear, String expectedReturns, String covariance) {

        static EstimationSettings settings(EstimationInput input) {
            EstimationSettings settings = EstimationSettings.defaults();
            if (input == null) {
                return settings;
            }
            if (input.periodsPerYear != null) {
                settings = settings.withPeriodsPerYear(input.periodsPerYear);
            }
            if (input.expectedReturns != null) {
                settings = settings.withExpectedReturnMethod(
                        ExpectedReturnMethod.fromId(input.expectedReturns, "estimation.expectedReturns"));
            }
            if (input.covariance != null) {
                settings = settings.withCovarianceMethod(CovarianceMethod.fromId(input.covariance, "estimation.covariance"));
            }
            return settings;
        }
    }

    record Bounds(double min, double max) {}

    record ConstraintsInput(Double minWeight, Double maxWeight, Map<String, Bounds> assetBounds, Double maxPosition,
            Map<String, String> sectorByAsset, Map<String, Double> maxWeightBySector, Double maxTurnover,
            Map<String, Double> currentWeights, Double l2Gamma) {

        static WeightConstraints constraints(ConstraintsInput input) {
            if (input == null) {
                return WeightConstraints.longOnly();
            }
            return refusedAs("constraints", () -> {
                WeightConstraints constraints = WeightConstraints.longOnly().withBounds(
                        input.minWeight == null ? 0 : input.minWeight, input.maxWeight == null ? 1 : input.maxWeight);
                if (input.assetBounds != null) {
                    for (Map.Entry<String, Bounds> bounds : input.assetBounds.entrySet()) {
                        constraints = constraints.withAssetBounds(bounds.getKey(), bounds.getValue().min(), bounds.getValue().max());
                    }
                }
                if (input.maxPosition != null) {
                    constraints = constraints.withMaxPosition(input.maxPosition);
                }
                if (input.sectorByAsset != null || input.maxWeightBySector != null) {
                    constraints = constraints.withSectorCaps(orEmpty(input.sectorByAsset), orEmpty(input.maxWeightBySector));
                }
                if (input.maxTurnover != null) {
                    constraints = constraints.withTurnoverLimit(input.maxTurnover, orEmpty(input.currentWeights));
                } else if (input.currentWeights != null) {
                    throw new IllegalArgumentException("currentWeights are only used with maxTurnover, which is missing");
                }
                if (input.l2Gamma != null) {
                    constraints = constraints.withL2Regularisation(input.l2Gamma);
                }
                return constraints;
            });
        }
    }

    record ViewInput(Map<String, Double> pick, double expectedReturn, Double confidence) {}

    record ViewsInput(Map<String, Double> marketCapitalisations, List<ViewInput> views) {

        static MarketViews marketViews(ViewsInput input) {
            if (input == null) {
                return MarketViews.none();
            }
            List<InvestorView> views = new ArrayList<>();
            List<ViewInput> given = input.views == null ? List.of() : input.views;
            for (int i = 0; i < given.size(); i++) {
                ViewInput view = given.get(i);
                views.add(refusedAs("views.views[" + i + "]", () -> new InvestorView(view.pick(), view.expectedReturn(),
                        view.confidence() == null ? OptionalDouble.empty() : OptionalDouble.of(view.confidence()))));
            }
            return refusedAs("views.marketCapitalisations",
                    () -> new MarketViews(orEmpty(input.marketCapitalisations), views));
        }
    }

    record OptimizeRequest(String method, PriceInput prices, Double riskFreeRate, EstimationInput estimation,
            ConstraintsInput constraints, ViewsInput views, Map<String, Object> parameters) {}

    record FrontierRequest(PriceInput prices, Integer points, Double riskFreeRate, EstimationInput estimation,
            ConstraintsInput constraints) {}

    record ScenarioInput(String name, Map<String, Double> shocks) {}

    record WindowInput(String name, LocalDate from, LocalDate to) {}

    record RiskReportRequest(PriceInput prices, Map<String, Double> weights, List<Double> confidences,
            Integer periodsPerYear, Double riskFreeRate, Integer monteCarloPaths, Long seed,
            List<ScenarioInput> stressScenarios, List<WindowInput> historicalWindows) {

        List<StressScenario> scenarios() {
            return stressScenarios == null ? List.of()
                    : stressScenarios.stream().map(scenario -> new StressScenario(scenario.name(), scenario.shocks())).toList();
        }

        List<HistoricalWindow> windows() {
            return historicalWindows == null ? List.of()
                    : historicalWindows.stream().map(window -> new HistoricalWindow(window.name(), window.from(), window.to())).toList();
        }
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : new LinkedHashMap<>(map);
    }

    /** The value types refuse bad values with IllegalArgumentException; the API names where they came from. */
    private static <T> T refusedAs(String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException refused) {
            throw new InvalidInputException(field, refused.getMessage());
        }
    }
}
