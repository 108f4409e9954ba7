package io.ballast.platform.approval;

import io.ballast.platform.security.Role;
import java.util.Map;
import java.util.Optional;

/**
 * Which platform role stands for which candidate group of the BPMN user tasks.
 *
 * @param roles candidate group name to the role a user must hold to act for it
 */
public record CandidateGroupRoles(Map<String, Role> roles) {

    /** The groups of {@code rebalance-approval}. */
    public static final CandidateGroupRoles DEFAULT = new CandidateGroupRoles(Map.of(
            "portfolio-managers", Role.PORTFOLIO_MANAGER,
            "risk-officers", Role.RISK_OFFICER));

    public CandidateGroupRoles {
        roles = Map.copyOf(roles);
    }

    /** The role of the group; empty for a group no role stands for. */
    public Optional<Role> roleOf(String group) {
        return Optional.ofNullable(roles.get(group));
    }
}
