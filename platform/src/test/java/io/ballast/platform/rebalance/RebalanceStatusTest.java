package io.ballast.platform.rebalance;

import static io.ballast.platform.rebalance.RebalanceStatus.APPROVED;
import static io.ballast.platform.rebalance.RebalanceStatus.AUTO_APPROVED;
import static io.ballast.platform.rebalance.RebalanceStatus.AUTO_APPROVED_AFTER_ESCALATION;
import static io.ballast.platform.rebalance.RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION;
import static io.ballast.platform.rebalance.RebalanceStatus.BLOCKED;
import static io.ballast.platform.rebalance.RebalanceStatus.ESCALATED;
import static io.ballast.platform.rebalance.RebalanceStatus.EXECUTED;
import static io.ballast.platform.rebalance.RebalanceStatus.FAILED;
import static io.ballast.platform.rebalance.RebalanceStatus.PENDING_APPROVAL;
import static io.ballast.platform.rebalance.RebalanceStatus.PROPOSED;
import static io.ballast.platform.rebalance.RebalanceStatus.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RebalanceStatusTest {

    @Test
    void everyStatusMovesExactlyWhereTheLifecycleSays() {
        // the whole table, written out from the workflow
        Map<RebalanceStatus, Set<RebalanceStatus>> expected = Map.ofEntries(
                Map.entry(PROPOSED, EnumSet.of(BLOCKED, AUTO_APPROVED, PENDING_APPROVAL, FAILED)),
                Map.entry(PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, ESCALATED, FAILED)),
                Map.entry(ESCALATED, EnumSet.of(APPROVED, REJECTED, AUTO_APPROVED_AFTER_ESCALATION, AUTO_REJECTED_AFTER_ESCALATION, FAILED)),
                Map.entry(AUTO_APPROVED, EnumSet.of(EXECUTED, FAILED)),
                Map.entry(APPROVED, EnumSet.of(EXECUTED, FAILED)),
                Map.entry(AUTO_APPROVED_AFTER_ESCALATION, EnumSet.of(EXECUTED, FAILED)),
                Map.entry(BLOCKED, EnumSet.noneOf(RebalanceStatus.class)),
                Map.entry(REJECTED, EnumSet.noneOf(RebalanceStatus.class)),
                Map.entry(AUTO_REJECTED_AFTER_ESCALATION, EnumSet.noneOf(RebalanceStatus.class)),
                Map.entry(EXECUTED, EnumSet.noneOf(RebalanceStatus.class)),
                Map.entry(FAILED, EnumSet.noneOf(RebalanceStatus.class)));

        for (RebalanceStatus from : RebalanceStatus.values()) {
            Set<RebalanceStatus> allowed = Arrays.stream(RebalanceStatus.values()).filter(from::canMoveTo)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(RebalanceStatus.class)));
            assertThat(allowed).as("from %s", from).isEqualTo(expected.get(from));
            assertThat(from.isTerminal()).as("%s terminal", from).isEqualTo(expected.get(from).isEmpty());
        }
    }

    @Test
    void approvedAndAwaitingKinds() {
        assertThat(Arrays.stream(RebalanceStatus.values()).filter(RebalanceStatus::isApproved))
                .containsExactly(AUTO_APPROVED, APPROVED, AUTO_APPROVED_AFTER_ESCALATION);
        assertThat(Arrays.stream(RebalanceStatus.values()).filter(RebalanceStatus::isAwaitingApproval))
                .containsExactly(PENDING_APPROVAL, ESCALATED);
    }
}
