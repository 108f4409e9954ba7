package io.ballast.platform.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RebalanceRequestTest {

    @Test
    void exactlyOneOfWeightsAndOptimizer() {
        assertThatThrownBy(() -> new RebalanceRequest(Map.of(), "", Map.of()))
                .hasMessage("give either targetWeights or an optimizer, not neither");
        assertThatThrownBy(() -> new RebalanceRequest(Map.of("AAA", 1.0), "min-variance", Map.of()))
                .hasMessage("give either targetWeights or an optimizer, not both");
        assertThatThrownBy(() -> new RebalanceRequest(Map.of("AAA", 1.0), " ", Map.of("x", 1L)))
                .hasMessage("optimizerParameters need an optimizer");
        assertThat(RebalanceRequest.givenWeights(Map.of("BBB", 0.5, "AAA", 0.5)).targetWeights().keySet()).containsExactly("AAA", "BBB");
    }
}
