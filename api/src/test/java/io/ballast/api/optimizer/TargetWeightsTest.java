package io.ballast.api.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetWeightsTest {

    @Test
    void cashIsAWeightInTheSumOfOne() {
        // 0.625 + 0.25 + 0.125 = 1 exactly in binary
        TargetWeights weights = new TargetWeights(Map.of("AAPL", 0.625, "MSFT", 0.25, "CASH", 0.125));

        assertThat(weights.cashWeight()).isEqualTo(0.125);
        assertThat(weights.weight("CASH")).isEqualTo(0.125);
        assertThat(new TargetWeights(Map.of("AAPL", 1.0)).cashWeight()).isZero();
        assertThat(new TargetWeights(Map.of("CASH", 1.0)).cashWeight()).isEqualTo(1.0);
        // 0.625 + 0.25 + 0.25 = 1.125
        assertThatThrownBy(() -> new TargetWeights(Map.of("AAPL", 0.625, "MSFT", 0.25, "CASH", 0.25)))
                .hasMessage("target weights sum to 1.125, not 1");
    }

    @Test
    void cashToKeepIsNeverNegative() {
        assertThatThrownBy(() -> new TargetWeights(Map.of("AAPL", 1.25, "CASH", -0.25)))
                .hasMessage("weight of CASH is the cash to keep and must not be negative: -0.25");
    }

    @Test
    void noInstrumentMayBeCalledCash() {
        assertThatThrownBy(() -> new Instrument("CASH", "Cash", AssetClass.EQUITY, "Cash", "USD"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("instrument id CASH is reserved for the cash in target weights");
        assertThat(new Instrument("CASHX", "Cash Co", AssetClass.EQUITY, "Financials", "USD").id()).isEqualTo("CASHX");
    }
}
