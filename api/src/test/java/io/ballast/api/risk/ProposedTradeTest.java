package io.ballast.api.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.execution.OrderSide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProposedTradeTest {

    private static ProposedTrade trade(OrderSide side, double currentWeight, double resultingWeight) {
        return new ProposedTrade("t1", "p", "AAPL", "Technology", side, 10, 1000, currentWeight, resultingWeight, 0.3, 0.3, 1);
    }

    private static ProposedTrade sectorTrade(double currentSectorWeight, double resultingSectorWeight) {
        return new ProposedTrade("t1", "p", "AAPL", "Technology", OrderSide.SELL, 10, 1000, 0, -0.05, currentSectorWeight,
                resultingSectorWeight, 1);
    }

    @ParameterizedTest(name = "{0} from {1} to {2}: adds exposure {3}")
    @CsvSource({
            "BUY,  0.10,  0.15, true",   // a bigger long
            "SELL, 0.10,  0.05, false",  // a smaller long
            "SELL, 0.10,  0,    false",  // closed
            "SELL, -0.10, -0.15, true",  // a bigger short
            "BUY,  -0.10, -0.05, false", // a smaller short
            "BUY,  0,     0.05, true",   // a new long
            "SELL, 0,     -0.05, true",  // a new short
            "SELL, 0.25,  -0.22, true",  // a long of 25% turned into a short of 22%: a new short, though smaller in size
            "BUY,  -0.25, 0.22, true",   // and the other way round
    })
    void addsExposureWhenTheAbsoluteWeightGrowsOrThePositionTurnsSides(OrderSide side, double current, double resulting,
                                                                        boolean expected) {
        assertThat(trade(side, current, resulting).increasesExposure()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "sector from {0} to {1}: adds sector exposure {2}")
    @CsvSource({
            "0.40,  0.35,  false", // a hedge: the short makes its 40% sector smaller
            "0.30,  0.35,  true",  // a bigger long sector
            "0.35,  0.35,  false", // unchanged
            "-0.30, -0.35, true",  // a bigger short sector
            "-0.35, -0.30, false", // a smaller short sector
            "0,     -0.05, true",  // a new short sector
            "0.40,  -0.35, true",  // a long sector turned into a short one
    })
    void addsSectorExposureWhenTheSectorsAbsoluteWeightGrowsOrTurnsSides(double current, double resulting, boolean expected) {
        assertThat(sectorTrade(current, resulting).increasesSectorExposure()).isEqualTo(expected);
    }
}
