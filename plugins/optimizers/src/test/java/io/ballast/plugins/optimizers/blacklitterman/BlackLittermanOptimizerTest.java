package io.ballast.plugins.optimizers.blacklitterman;

import static io.ballast.plugins.optimizers.blacklitterman.HeLittermanExample.COUNTRIES;
import static io.ballast.plugins.optimizers.blacklitterman.HeLittermanExample.MARKET_WEIGHTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.plugins.optimizers.OptimizerCatalogue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class BlackLittermanOptimizerTest {

    /**
     * A stand-in for max-sharpe: the unconstrained tangency portfolio Σ⁻¹(μ − r_f), normalised to
     * sum to 1, by its closed form; it records the request it was given.
     */
    private static final class TangencyPortfolio implements Optimizer {
        OptimizationRequest received;

        @Override
        public TargetWeights optimize(OptimizationRequest request) {
            received = request;
            MarketEstimates estimates = request.estimates().orElseThrow();
            RealVector excess = new ArrayRealVector(estimates.expectedAnnualReturns()).mapSubtract(request.annualRiskFreeRate());
            double[] direction = new LUDecomposition(MatrixUtils.createRealMatrix(estimates.annualCovariance()))
                    .getSolver().solve(excess).toArray();
            double total = 0;
            for (double value : direction) {
                total += value;
            }
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int i = 0; i < direction.length; i++) {
                weights.put(estimates.assets().get(i), direction[i] / total);
            }
            return new TargetWeights(weights);
        }

        @Override
        public String id() {
            return "tangency";
        }

        @Override
        public String version() {
            return "0";
        }

        @Override
        public String description() {
            return "test stand-in";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }
    }

    private final TangencyPortfolio tangency = new TangencyPortfolio();
    private final BlackLittermanOptimizer optimizer =
            new BlackLittermanOptimizer(id -> id.equals("max-sharpe") ? Optional.of(tangency) : OptimizerCatalogue.optimizer(id));

    /** The He & Litterman market; the request's own expected returns are deliberately nonsense, as Black-Litterman ignores them. */
    private static OptimizationRequest heLittermanRequest(double riskFreeRate, io.ballast.api.optimizer.InvestorView... views) {
        MarketEstimates estimates = new MarketEstimates(COUNTRIES, new double[] {9, 9, 9, 9, 9, 9, 9}, HeLittermanExample.covariance());
        return new OptimizationRequest(COUNTRIES, Optional.of(estimates), riskFreeRate, WeightConstraints.longOnly(),
                new MarketViews(HeLittermanExample.marketCapitalisations(), List.of(views)), Map.of());
    }

    @Test
    void withoutViewsTheTangencyPortfolioOfThePosteriorIsTheMarket() {
        // μ − r_f = δΣw and Σ_BL = (1 + τ)Σ, so Σ_BL⁻¹(μ − r_f) ∝ w: the market portfolio, whatever the rate
        for (double riskFreeRate : new double[] {0, 0.02}) {
            TargetWeights weights = optimizer.optimize(heLittermanRequest(riskFreeRate));

            for (int i = 0; i < 7; i++) {
                assertThat(weights.weight(COUNTRIES.get(i))).isCloseTo(MARKET_WEIGHTS[i], within(1e-13));
            }
        }
    }

    @Test
    void withAViewTheTangencyPortfolioIsHeLittermansOptimumNormalised() {
        TargetWeights weights = optimizer.optimize(heLittermanRequest(0, HeLittermanExample.germanyOverEurope()));

        // Table 4 w* (1.5, 2.1, −4.0, 35.4, 11.0, −9.5, 58.6 %) over its sum 95.1 %; each printed weight may be
        // off by 0.0005 and their sum by 7 × 0.0005, so a ratio (all |w*| < 1) by at most 8 × 0.0005 / 0.951
        double[] printed = {1.5, 2.1, -4.0, 35.4, 11.0, -9.5, 58.6};
        for (int i = 0; i < 7; i++) {
            assertThat(weights.weight(COUNTRIES.get(i))).as(COUNTRIES.get(i)).isCloseTo(printed[i] / 95.1, within(8 * 0.0005 / 0.951));
        }
        // the tilt leaves the markets outside the view at their market weights, relative to each other
        assertThat(weights.weight("Australia") / weights.weight("USA")).isCloseTo(MARKET_WEIGHTS[0] / MARKET_WEIGHTS[6], within(1e-12));
    }

    @Test
    void thePosteriorOptimizerGetsThePosteriorTheConstraintsTheRateAndTheOtherParameters() {
        WeightConstraints constraints = WeightConstraints.longOnly().withBounds(-0.2, 0.8);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tau", 0.1);
        parameters.put("riskAversion", 3.0);
        parameters.put("targetReturn", 0.07);
        OptimizationRequest request = heLittermanRequest(0.01, HeLittermanExample.canadaOverUsa())
                .withConstraints(constraints).withParameters(parameters);

        optimizer.optimize(request);

        BlackLittermanModel model = BlackLittermanModel.of(COUNTRIES, HeLittermanExample.covariance(), request.views(), 3.0, 0.1, 0.01);
        OptimizationRequest received = tangency.received;
        assertThat(received.assets()).isEqualTo(COUNTRIES);
        assertThat(received.estimates().orElseThrow().expectedAnnualReturns()).containsExactly(model.posteriorReturns(), within(0.0));
        assertThat(received.estimates().orElseThrow().annualCovariance()).isDeepEqualTo(model.posteriorCovariance());
        assertThat(received.constraints()).isEqualTo(constraints);
        assertThat(received.annualRiskFreeRate()).isEqualTo(0.01);
        assertThat(received.views()).isEqualTo(MarketViews.none());
        assertThat(received.parameters()).isEqualTo(Map.of("targetReturn", 0.07));
    }

    @Test
    void riskParityFromTheCatalogueRunsOnThePosteriorCovariance() {
        // without views Σ_BL = (1 + τ)Σ, and risk parity does not depend on the scale of Σ
        OptimizationRequest request = heLittermanRequest(0).withParameters(Map.of("posteriorOptimizer", "risk-parity"));

        TargetWeights blackLitterman = new BlackLittermanOptimizer().optimize(request);
        TargetWeights direct = OptimizerCatalogue.optimizer("risk-parity").orElseThrow().optimize(
                OptimizationRequest.of(new MarketEstimates(COUNTRIES, new double[7], HeLittermanExample.covariance()), 0));

        for (String country : COUNTRIES) {
            assertThat(blackLitterman.weight(country)).as(country).isCloseTo(direct.weight(country), within(1e-12));
        }
    }

    @Test
    void describesItsParametersWithDefaults() {
        assertThat(optimizer.id()).isEqualTo("black-litterman");
        assertThat(optimizer.parameters()).extracting(ParameterSpec::name).containsExactly("riskAversion", "tau", "posteriorOptimizer");
        assertThat(optimizer.parameters()).extracting(ParameterSpec::defaultValue)
                .containsExactly(Optional.of(2.5), Optional.of(0.05), Optional.of("max-sharpe"));
        assertThat(OptimizerCatalogue.optimizer("black-litterman")).get().isInstanceOf(BlackLittermanOptimizer.class);
    }

    @Test
    void refusesAnUnknownPosteriorOptimizer() {
        OptimizationRequest request = heLittermanRequest(0).withParameters(Map.of("posteriorOptimizer", "crystal-ball"));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.posteriorOptimizer: this plugin has no optimizer crystal-ball");
    }

    @Test
    void refusesItselfAsPosteriorOptimizer() {
        OptimizationRequest request = heLittermanRequest(0).withParameters(Map.of("posteriorOptimizer", "black-litterman"));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.posteriorOptimizer cannot be black-litterman itself");
    }

    @Test
    void refusesANonPositiveRiskAversion() {
        OptimizationRequest request = heLittermanRequest(0).withParameters(Map.of("riskAversion", 0));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.riskAversion must be positive, not 0.0");
    }

    @Test
    void refusesATauOutsideZeroToOne() {
        for (double tau : new double[] {0, -0.1}) {
            OptimizationRequest request = heLittermanRequest(0).withParameters(Map.of("tau", tau));

            assertThatThrownBy(() -> optimizer.optimize(request))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameters.tau must be in (0, 1], not " + tau);
        }
        OptimizationRequest request = heLittermanRequest(0).withParameters(Map.of("tau", 1.5));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.tau is 1.5, above its maximum 1.0");
    }

    @Test
    void refusesATauThatIsNotANumber() {
        OptimizationRequest request = heLittermanRequest(0).withParameters(Map.of("tau", "small"));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.tau must be a number, not small (String)");
    }

    @Test
    void needsEstimatesForTheCovariance() {
        OptimizationRequest request = OptimizationRequest.of(COUNTRIES)
                .withViews(new MarketViews(HeLittermanExample.marketCapitalisations(), List.of()));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("estimates: black-litterman needs");
    }

    @Test
    void needsMarketCapitalisations() {
        OptimizationRequest request = heLittermanRequest(0).withViews(MarketViews.none());

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("views.marketCapitalisationByAsset has no market capitalisation for Australia");
    }

    @Test
    void theDefaultPosteriorOptimizerIsMaxSharpe() {
        tangency.received = null;

        optimizer.optimize(heLittermanRequest(0));

        assertThat(tangency.received).isNotNull();
    }
}
