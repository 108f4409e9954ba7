package io.ballast.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void wireNamesAreLowerCaseWithDashes() {
        assertThat(Role.parse("viewer")).isEqualTo(Role.VIEWER);
        assertThat(Role.parse("trader")).isEqualTo(Role.TRADER);
        assertThat(Role.parse("portfolio-manager")).isEqualTo(Role.PORTFOLIO_MANAGER);
        assertThat(Role.parse("risk-officer")).isEqualTo(Role.RISK_OFFICER);
        assertThat(Role.parse("admin")).isEqualTo(Role.ADMIN);
        assertThat(Role.PORTFOLIO_MANAGER.wireName()).isEqualTo("portfolio-manager");
    }

    @Test
    void anUnknownRoleIsNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> Role.parse("PORTFOLIO_MANAGER"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown role 'PORTFOLIO_MANAGER'; known roles: viewer, trader, portfolio-manager, risk-officer, admin");
    }
}
