package io.ballast.plugins.optimizers.blacklitterman;

import static io.ballast.plugins.optimizers.blacklitterman.HeLittermanExample.COUNTRIES;
import static io.ballast.plugins.optimizers.blacklitterman.HeLittermanExample.MARKET_WEIGHTS;
import static io.ballast.plugins.optimizers.blacklitterman.HeLittermanExample.RISK_AVERSION;
import static io.ballast.plugins.optimizers.blacklitterman.HeLittermanExample.TAU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.InvestorView;
import io.ballast.api.optimizer.MarketViews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

class BlackLittermanModelTest {

    /** The tables print percentages to one decimal: a value agrees when within half of that last digit. */
    private static final double PRINTED_PRECISION = 0.0005;

    private static BlackLittermanModel heLitterman(InvestorView... views) {
        return BlackLittermanModel.of(COUNTRIES, HeLittermanExample.covariance(),
                new MarketViews(HeLittermanExample.marketCapitalisations(), List.of(views)), RISK_AVERSION, TAU, 0);
    }

    /** He & Litterman's unconstrained optimum w* = (δΣ_BL)⁻¹μ_BL (their equation 13), solved here independently. */
    private static double[] optimalWeights(BlackLittermanModel model) {
        return new LUDecomposition(MatrixUtils.createRealMatrix(model.posteriorCovariance()).scalarMultiply(RISK_AVERSION))
                .getSolver().solve(new ArrayRealVector(model.posteriorReturns())).toArray();
    }

    private static void assertPrinted(double[] actual, double... printedPercent) {
        for (int i = 0; i < printedPercent.length; i++) {
            assertThat(actual[i]).as(COUNTRIES.get(i)).isCloseTo(printedPercent[i] / 100, within(PRINTED_PRECISION));
        }
    }

    @Test
    void equilibriumReturnsAreHeLittermansTable2() {
        BlackLittermanModel model = heLitterman();

        assertPrinted(model.priorReturns(), 3.9, 6.9, 8.4, 9.0, 4.3, 6.8, 7.6);
        assertThat(model.marketWeights()).containsExactly(MARKET_WEIGHTS, within(1e-15));
    }

    @Test
    void germanyOverEuropeGivesHeLittermansTable4() {
        BlackLittermanModel model = heLitterman(HeLittermanExample.germanyOverEurope());
        double[] optimal = optimalWeights(model);

        // Table 4: μ, w*, and w* − w_eq/(1 + τ)
        assertPrinted(model.posteriorReturns(), 4.3, 7.6, 9.3, 11.0, 4.5, 7.0, 8.1);
        assertPrinted(optimal, 1.5, 2.1, -4.0, 35.4, 11.0, -9.5, 58.6);
        double[] tilt = new double[7];
        for (int i = 0; i < 7; i++) {
            tilt[i] = optimal[i] - MARKET_WEIGHTS[i] / (1 + TAU);
        }
        assertPrinted(tilt, 0.0, 0.0, -8.9, 30.2, 0.0, -21.3, 0.0);
    }

    @Test
    void theOptimalTiltIsTheViewPortfolioScaled() {
        // He & Litterman: w* = (w_eq + Pᵀλ)/(1 + τ), so the tilt is λ times the pick, exactly
        InvestorView view = HeLittermanExample.germanyOverEurope();
        double[] optimal = optimalWeights(heLitterman(view));

        double lambda = (optimal[3] - MARKET_WEIGHTS[3] / (1 + TAU)) * (1 + TAU);
        for (int i = 0; i < 7; i++) {
            double pick = view.pickWeightByAsset().getOrDefault(COUNTRIES.get(i), 0.0);
            assertThat(optimal[i]).as(COUNTRIES.get(i)).isCloseTo((MARKET_WEIGHTS[i] + pick * lambda) / (1 + TAU), within(1e-12));
        }
    }

    @Test
    void addingCanadaOverUsaGivesHeLittermansTable5() {
        BlackLittermanModel model = heLitterman(HeLittermanExample.germanyOverEurope(), HeLittermanExample.canadaOverUsa());
        double[] optimal = optimalWeights(model);

        assertPrinted(model.posteriorReturns(), 4.4, 8.7, 9.5, 11.2, 4.6, 7.0, 7.5);
        assertPrinted(optimal, 1.5, 41.9, -3.4, 33.6, 11.0, -8.2, 18.8);
        double[] tilt = new double[7];
        for (int i = 0; i < 7; i++) {
            tilt[i] = optimal[i] - MARKET_WEIGHTS[i] / (1 + TAU);
        }
        assertPrinted(tilt, 0.0, 39.8, -8.4, 28.4, 0.0, -20.0, -39.8);
    }

    @Test
    void withoutViewsThePosteriorIsThePriorWithTheMeanUncertaintyAdded() {
        BlackLittermanModel model = heLitterman();
        double[][] covariance = HeLittermanExample.covariance();

        assertThat(model.posteriorReturns()).containsExactly(model.priorReturns(), within(0.0));
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                assertThat(model.posteriorCovariance()[i][j]).isCloseTo((1 + TAU) * covariance[i][j], within(1e-16));
            }
        }
        // and then the unconstrained optimum is the market portfolio scaled by 1/(1 + τ)
        double[] optimal = optimalWeights(model);
        for (int i = 0; i < 7; i++) {
            assertThat(optimal[i]).isCloseTo(MARKET_WEIGHTS[i] / (1 + TAU), within(1e-13));
        }
    }

    @Test
    void theRiskFreeRateIsAddedToTheImpliedExcessReturns() {
        BlackLittermanModel excess = heLitterman();
        BlackLittermanModel total = BlackLittermanModel.of(COUNTRIES, HeLittermanExample.covariance(),
                new MarketViews(HeLittermanExample.marketCapitalisations(), List.of()), RISK_AVERSION, TAU, 0.03);

        for (int i = 0; i < 7; i++) {
            assertThat(total.priorReturns()[i]).isCloseTo(excess.priorReturns()[i] + 0.03, within(1e-15));
        }
    }

    @Test
    void oneRelativeViewWithTheDefaultUncertaintyMovesHalfWay() {
        // ω = τpΣpᵀ: Pμ = Pπ + τpΣpᵀ/(τpΣpᵀ + ω)(q − Pπ) = (Pπ + q)/2
        InvestorView view = HeLittermanExample.canadaOverUsa();
        BlackLittermanModel model = heLitterman(view);
        double priorSpread = model.priorReturns()[1] - model.priorReturns()[6];

        double posteriorSpread = model.posteriorReturns()[1] - model.posteriorReturns()[6];

        assertThat(posteriorSpread).isCloseTo((priorSpread + 0.03) / 2, within(1e-15));
    }

    @Test
    void anAbsoluteViewHeldWithConfidenceCMovesThatFractionOfTheWay() {
        // Walters: ω = τ((1 − c)/c)σ², so τσ²/(τσ² + ω) = c
        for (double confidence : new double[] {0.2, 0.5, 0.9}) {
            BlackLittermanModel model = heLitterman(InvestorView.absolute("Japan", 0.10, OptionalDouble.of(confidence)));
            double prior = model.priorReturns()[4];

            assertThat(model.posteriorReturns()[4]).as("confidence %s", confidence)
                    .isCloseTo(prior + confidence * (0.10 - prior), within(1e-15));
        }
    }

    @Test
    void halfConfidenceIsHeLittermansDefaultUncertainty() {
        InvestorView certainOfNothing = HeLittermanExample.germanyOverEurope();
        InvestorView halfSure = new InvestorView(certainOfNothing.pickWeightByAsset(), 0.05, OptionalDouble.of(0.5));

        assertThat(heLitterman(halfSure).posteriorReturns())
                .containsExactly(heLitterman(certainOfNothing).posteriorReturns(), within(1e-15));
    }

    @Test
    void fullConfidenceMakesThePosteriorMeetTheViewsExactly() {
        InvestorView germany = HeLittermanExample.germanyOverEurope();
        InvestorView certainGermany = new InvestorView(germany.pickWeightByAsset(), 0.05, OptionalDouble.of(1.0));
        InvestorView certainCanada = InvestorView.relative("Canada", "USA", 0.03, OptionalDouble.of(1.0));
        BlackLittermanModel model = heLitterman(certainGermany, certainCanada);
        double[] mu = model.posteriorReturns();

        double europe = MARKET_WEIGHTS[2] + MARKET_WEIGHTS[5];
        assertThat(mu[3] - MARKET_WEIGHTS[2] / europe * mu[2] - MARKET_WEIGHTS[5] / europe * mu[5]).isCloseTo(0.05, within(1e-15));
        assertThat(mu[1] - mu[6]).isCloseTo(0.03, within(1e-15));
    }

    @Test
    void zeroConfidenceIgnoresTheView() {
        BlackLittermanModel model = heLitterman(InvestorView.absolute("Japan", 0.50, OptionalDouble.of(0.0)));

        assertThat(model.posteriorReturns()).containsExactly(model.priorReturns(), within(0.0));
    }

    @Test
    void refusesContradictoryCertainViews() {
        InvestorView japanAt10 = InvestorView.absolute("Japan", 0.10, OptionalDouble.of(1.0));
        InvestorView japanAt12 = InvestorView.absolute("Japan", 0.12, OptionalDouble.of(1.0));

        assertThatThrownBy(() -> heLitterman(japanAt10, japanAt12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("views: the views cannot be combined, as PτΣPᵀ + Ω is singular");
    }

    @Test
    void twoUncertainViewsOnTheSameAssetCombine() {
        // equal uncertainties: the two views act as one view at their mean with half the variance
        InvestorView at10 = InvestorView.absolute("Japan", 0.10, OptionalDouble.empty());
        InvestorView at12 = InvestorView.absolute("Japan", 0.12, OptionalDouble.empty());
        BlackLittermanModel model = heLitterman(at10, at12);
        double prior = model.priorReturns()[4];

        // τσ²/(τσ² + τσ²/2) = 2/3 of the way to 0.11
        assertThat(model.posteriorReturns()[4]).isCloseTo(prior + 2.0 / 3 * (0.11 - prior), within(1e-15));
    }

    @Test
    void refusesAViewOnAnAssetOutsideTheUniverse() {
        InvestorView view = InvestorView.relative("Germany", "Italy", 0.02, OptionalDouble.empty());

        assertThatThrownBy(() -> heLitterman(HeLittermanExample.canadaOverUsa(), view))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("views.views[1].pickWeightByAsset.Italy: Italy is not one of the assets " + COUNTRIES);
    }

    @Test
    void refusesAMissingMarketCapitalisation() {
        Map<String, Double> capitalisations = new LinkedHashMap<>(HeLittermanExample.marketCapitalisations());
        capitalisations.remove("Japan");

        assertThatThrownBy(() -> BlackLittermanModel.of(COUNTRIES, HeLittermanExample.covariance(),
                new MarketViews(capitalisations, List.of()), RISK_AVERSION, TAU, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("views.marketCapitalisationByAsset has no market capitalisation for Japan;"
                        + " black-litterman needs one for every asset to imply the prior returns");
    }

    @Test
    void refusesAMarketCapitalisationOutsideTheUniverse() {
        Map<String, Double> capitalisations = new LinkedHashMap<>(HeLittermanExample.marketCapitalisations());
        capitalisations.put("Italy", 0.03);

        assertThatThrownBy(() -> BlackLittermanModel.of(COUNTRIES, HeLittermanExample.covariance(),
                new MarketViews(capitalisations, List.of()), RISK_AVERSION, TAU, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("views.marketCapitalisationByAsset.Italy: Italy is not one of the assets " + COUNTRIES);
    }

    @Test
    void refusesCapitalisationsThatAreAllZero() {
        Map<String, Double> capitalisations = new LinkedHashMap<>();
        COUNTRIES.forEach(country -> capitalisations.put(country, 0.0));

        assertThatThrownBy(() -> BlackLittermanModel.of(COUNTRIES, HeLittermanExample.covariance(),
                new MarketViews(capitalisations, List.of()), RISK_AVERSION, TAU, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("views.marketCapitalisationByAsset: the capitalisations sum to 0.0; at least one must be positive");
    }
}
