package io.ballast.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.config.BallastConfig;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private static AccessTokens tokens(BallastConfig.AccessToken... tokens) {
        return AccessTokens.from(new BallastConfig.Security(List.of(tokens)));
    }

    @Test
    void aConfiguredTokenStandsForItsUserAndRoles() {
        AccessTokens tokens = tokens(
                new BallastConfig.AccessToken("alpha-secret", "alice", Set.of("trader", "risk-officer")),
                new BallastConfig.AccessToken("bravo-secret", "bob", Set.of("viewer")));

        assertThat(tokens.authenticate("alpha-secret"))
                .contains(new AuthenticatedUser("alice", Set.of(Role.TRADER, Role.RISK_OFFICER)));
        assertThat(tokens.authenticate("bravo-secret")).contains(new AuthenticatedUser("bob", Set.of(Role.VIEWER)));
    }

    @Test
    void aUserWithTwoTokensHoldsOnlyTheRolesOfTheTokenPresented() {
        AccessTokens tokens = tokens(
                new BallastConfig.AccessToken("alpha-secret", "alice", Set.of("trader")),
                new BallastConfig.AccessToken("alpha-second", "alice", Set.of("portfolio-manager")),
                new BallastConfig.AccessToken("bravo-secret", "bob", Set.of("viewer")));

        assertThat(tokens.authenticate("alpha-secret")).contains(new AuthenticatedUser("alice", Set.of(Role.TRADER)));
        assertThat(tokens.authenticate("alpha-second")).contains(new AuthenticatedUser("alice", Set.of(Role.PORTFOLIO_MANAGER)));
    }

    @Test
    void anyOtherTokenStandsForNobody() {
        AccessTokens tokens = tokens(new BallastConfig.AccessToken("alpha-secret", "alice", Set.of("admin")));

        assertThat(tokens.authenticate("alpha-secreT")).isEmpty();
        assertThat(tokens.authenticate("alpha-secret ")).isEmpty();
        assertThat(tokens.authenticate("")).isEmpty();
        assertThat(tokens(/* none */).authenticate("alpha-secret")).isEmpty();
    }

    @Test
    void anUnknownRoleIsRefusedNamingTheUserAndTheRole() {
        assertThatThrownBy(() -> tokens(new BallastConfig.AccessToken("s3cret-token", "carol", Set.of("superuser"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("security.tokens: the token of user carol: unknown role 'superuser'")
                .hasMessageNotContaining("s3cret-token");
    }

    @Test
    void aTokenWithoutRolesIsRefused() {
        assertThatThrownBy(() -> tokens(new BallastConfig.AccessToken("s3cret-token", "dave", Set.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("security.tokens: the token of user dave has no roles");
    }

    @Test
    void twoUsersWithTheSameTokenAreRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> tokens(
                new BallastConfig.AccessToken("shared-token", "erin", Set.of("viewer")),
                new BallastConfig.AccessToken("shared-token", "frank", Set.of("admin"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("security.tokens: users erin and frank have the same token; every token must be different");
    }
}
