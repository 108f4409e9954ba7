package io.ballast.platform.quant.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AnnualisationTest {

    private final Annualisation monthly = new Annualisation(12);

    @Test
    void scalesVolatilityByTheRootOfTimeAndMeansLinearly() {
        assertThat(monthly.volatility(0.05)).isCloseTo(0.05 * Math.sqrt(12), within(1e-16));
        assertThat(monthly.arithmeticMean(0.01)).isCloseTo(0.12, within(1e-16));
    }

    @Test
    void compoundsGrowthAndDeannualisesRatesGeometrically() {
        // 21% over 24 months is 10% a year: 1.21^(12/24) = 1.1
        assertThat(monthly.compoundGrowthRate(0.21, 24)).isCloseTo(0.1, within(1e-15));
        // 12.68250301% a year is 1% a month: 1.01^12 = 1.1268250301319698
        assertThat(monthly.periodicRate(0.1268250301319698)).isCloseTo(0.01, within(1e-15));
    }
}
