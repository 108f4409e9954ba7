package io.ballast.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.security.AccessDeniedException;
import io.ballast.platform.security.AuthenticatedUser;
import io.ballast.platform.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of who decides, over a list of tasks; the engine-backed paths are in {@link EmbeddedApprovalInboxTest}. */
class ApprovalAuthorityTest {

    private static final ApprovalTask APPROVE = new ApprovalTask("7", "R-1", "P-1", "alice", "Approve rebalance",
            List.of("portfolio-managers"), Instant.parse("2025-03-03T09:00:00Z"), Map.of());
    private static final ApprovalTask ODD_GROUP = new ApprovalTask("8", "R-2", "P-1", "alice", "Approve rebalance",
            List.of("treasury"), Instant.parse("2025-03-03T09:00:00Z"), Map.of());

    private final List<String> completed = new ArrayList<>();
    private final ApprovalAuthority authority = new ApprovalAuthority(new ApprovalTasks() {
        @Override
        public List<ApprovalTask> pending(Optional<String> group) {
            return List.of(APPROVE, ODD_GROUP);
        }

        @Override
        public Optional<ApprovalTask> task(String taskId) {
            return pending(Optional.empty()).stream().filter(t -> t.taskId().equals(taskId)).findFirst();
        }

        @Override
        public void complete(String taskId, boolean approved, String comment, String actor) {
            completed.add(taskId + " " + approved + " " + actor + ": " + comment);
        }
    }, CandidateGroupRoles.DEFAULT);

    @Test
    void adminMayActForAnyGroup() {
        AuthenticatedUser ada = new AuthenticatedUser("ada", Set.of(Role.ADMIN));

        authority.approve(ada, "7", "covering for the desk");
        authority.reject(ada, "8", "no such desk");

        assertThat(completed).containsExactly("7 true ada: covering for the desk", "8 false ada: no such desk");
    }

    @Test
    void fourEyesHoldsForAnAdminToo() {
        AuthenticatedUser alice = new AuthenticatedUser("alice", Set.of(Role.ADMIN, Role.PORTFOLIO_MANAGER));

        assertThatThrownBy(() -> authority.approve(alice, "7", "mine"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageStartingWith("Four eyes: alice proposed rebalance R-1");
        assertThat(completed).isEmpty();
    }

    @Test
    void groupNoRoleStandsForIsLeftToAdmins() {
        AuthenticatedUser bob = new AuthenticatedUser("bob", Set.of(Role.PORTFOLIO_MANAGER, Role.RISK_OFFICER));

        assertThatThrownBy(() -> authority.approve(bob, "8", "ok"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User bob may not decide task 8 (Approve rebalance of rebalance R-2):"
                        + " no role stands for its groups [treasury], so only an admin may");
        assertThat(completed).isEmpty();
    }
}
