package io.ballast.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.config.BallastConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Who may call what is read from the contract; a contract that does not say it clearly is refused. */
class BearerAccessTest {

    private static final AccessTokens NO_TOKENS = AccessTokens.from(new BallastConfig.Security(List.of()));

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static OpenAPIContract contract(String protectedOperationExtras, String openOperationExtras) {
        return OpenAPIContract.from(vertx, new JsonObject("""
                {"openapi":"3.1.0","info":{"title":"t","version":"1"},
                 "security":[{"bearer":[]}],
                 "components":{"securitySchemes":{"bearer":{"type":"http","scheme":"bearer"}}},
                 "paths":{
                   "/api/things":{"get":{"operationId":"listThings"%s,"responses":{"200":{"description":"ok"}}}},
                   "/ping":{"get":{"operationId":"ping","security":[]%s,"responses":{"200":{"description":"ok"}}}}}}
                """.formatted(protectedOperationExtras, openOperationExtras))).await();
    }

    @Test
    void theRolesOfAProtectedOperationComeFromItsExtension() {
        BearerAccess access = BearerAccess.fromContract(contract(",\"x-ballast-roles\":[\"risk-officer\",\"admin\"]", ""), NO_TOKENS);

        assertThat(access.allowedRoles("listThings")).contains(Set.of(Role.RISK_OFFICER, Role.ADMIN));
        assertThat(access.allowedRoles("ping")).isEmpty();
    }

    @Test
    void aProtectedOperationWithoutRolesIsRefused() {
        assertThatThrownBy(() -> BearerAccess.fromContract(contract("", ""), NO_TOKENS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OpenAPI operation listThings needs a bearer token but lists no x-ballast-roles; list the roles allowed to call it");
    }

    @Test
    void anUnknownRoleInTheContractIsRefused() {
        assertThatThrownBy(() -> BearerAccess.fromContract(contract(",\"x-ballast-roles\":[\"boss\"]", ""), NO_TOKENS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OpenAPI operation listThings, x-ballast-roles: unknown role 'boss'");
    }

    @Test
    void anOpenOperationThatListsRolesIsRefused() {
        assertThatThrownBy(() -> BearerAccess.fromContract(
                contract(",\"x-ballast-roles\":[\"admin\"]", ",\"x-ballast-roles\":[\"admin\"]"), NO_TOKENS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("OpenAPI operation ping is open (security: []) but declares x-ballast-roles");
    }
}
