package io.ballast.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.rebalance.RebalanceProposal;
import io.ballast.platform.rebalance.RebalanceVerdict;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalanceJsonTest {

    @Test
    void amountsAreWrittenPlainAndComeBackWithTheirScale() {
        RebalanceProposal proposal = new RebalanceProposal("USD", new BigDecimal("1E+3"), List.of(), List.of(), 1.0,
                new BigDecimal("0.00000001"), 0.0, new BigDecimal("1000.10"), 0.0, 0.0, 0.0, RebalanceVerdict.NOTHING_TO_DO, "none");

        String json = RebalanceJson.write(proposal);

        assertThat(json).contains("\"netAssetValue\":1000,").contains("\"totalEstimatedCost\":0.00000001,")
                .contains("\"cashAfter\":1000.10,");
        RebalanceProposal read = RebalanceJson.proposal(json, "r1");
        assertThat(read.cashAfter().toPlainString()).isEqualTo("1000.10");
        assertThat(read.totalEstimatedCost()).isEqualTo(new BigDecimal("0.00000001"));
    }

    @Test
    void aTrackingErrorThatIsNotANumberSurvives() {
        RebalanceProposal proposal = new RebalanceProposal("USD", BigDecimal.TEN, List.of(), List.of(), 1.0, BigDecimal.ZERO, 0.0,
                BigDecimal.TEN, Double.NaN, Double.NaN, Double.NaN, RebalanceVerdict.NOTHING_TO_DO, "none");

        assertThat(RebalanceJson.proposal(RebalanceJson.write(proposal), "r1").trackingErrorBefore()).isNaN();
    }

    @Test
    void storedTextThatCannotBeReadNamesTheRebalance() {
        assertThatThrownBy(() -> RebalanceJson.proposal("{\"baseCurrency\":\"USD\",\"unknown\":1}", "r1"))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("rebalance r1: the stored RebalanceProposal cannot be read: ");
    }
}
