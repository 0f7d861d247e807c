package io.strato.identity.roles;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.strato.kit.faults.Forbidden;
import org.junit.jupiter.api.Test;

class ImpliedRoleRulesTest {

    private static Role role(String id, String name, String domainId) {
        Role r = new Role();
        r.id = id;
        r.name = name;
        r.domainId = domainId;
        return r;
    }

    @Test
    void adminMayNotBeImplied() {
        assertThrows(Forbidden.class, () -> ImpliedRoleService.refuseInvalid(
                new ImpliedRoleService.Rule(role("1", "member", null), role("2", "Admin", null))));
    }

    @Test
    void aGlobalRoleMayNotImplyADomainRole() {
        assertThrows(Forbidden.class, () -> ImpliedRoleService.refuseInvalid(
                new ImpliedRoleService.Rule(role("1", "member", null), role("2", "x", "d1"))));
        assertDoesNotThrow(() -> ImpliedRoleService.refuseInvalid(
                new ImpliedRoleService.Rule(role("1", "x", "d1"), role("2", "reader", null))));
    }
}
