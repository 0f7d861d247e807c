package io.strato.kit.policy;

import io.strato.kit.auth.Caller;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.strato.kit.policy.Callers.domain;
import static io.strato.kit.policy.Callers.project;
import static io.strato.kit.policy.Callers.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keystone-like defaults checked through the public API. */
class PolicyTest {

    static final PolicyRules IDENTITY = () -> Map.of(
            "admin_required", "role:admin",
            "system_reader", "role:reader and system_scope:all",
            "identity:list_domains", "rule:admin_required or (rule:system_reader)",
            "identity:get_user", "(role:reader and system_scope:all) or "
                    + "(role:reader and domain_id:%(target.user.domain_id)s) or user_id:%(target.user.id)s",
            "identity:create_server", "role:member and project_id:%(target.project.id)s");

    private final Policy policy = Policy.of(IDENTITY);

    private static Map<String, Object> user(String id, String domainId) {
        return Map.of("target", Map.of("user", Map.of("id", id, "domain_id", domainId)));
    }

    @Test
    void adminOrSystemReader() {
        assertTrue(policy.allowed("identity:list_domains", project("u1", "p1", "admin"), null));
        assertTrue(policy.allowed("identity:list_domains", system("u1", "reader"), null));
        assertFalse(policy.allowed("identity:list_domains", project("u1", "p1", "reader"), null));
        assertFalse(policy.allowed("identity:list_domains", system("u1", "member"), Map.of()));
    }

    @Test
    void getUserBySystemReaderDomainReaderOrSelf() {
        Map<String, Object> target = user("u9", "d1");
        assertTrue(policy.allowed("identity:get_user", system("u1", "reader"), target));
        assertTrue(policy.allowed("identity:get_user", domain("u1", "d1", "reader"), target));
        assertFalse(policy.allowed("identity:get_user", domain("u1", "d2", "reader"), target));
        assertFalse(policy.allowed("identity:get_user", domain("u1", "d1", "member"), target));
        assertTrue(policy.allowed("identity:get_user", project("u9", "p1"), target));
        assertFalse(policy.allowed("identity:get_user", project("u8", "p1", "reader"), target));
    }

    @Test
    void memberOfTheTargetProject() {
        Map<String, Object> target = Map.of("target", Map.of("project", Map.of("id", "p1")));
        assertTrue(policy.allowed("identity:create_server", project("u1", "p1", "Member"), target));
        assertFalse(policy.allowed("identity:create_server", project("u1", "p2", "member"), target));
        assertFalse(policy.allowed("identity:create_server", project("u1", "p1", "reader"), target));
        assertFalse(policy.allowed("identity:create_server", system("u1", "member"), target));
    }

    @Test
    void enforceThrowsWithTheOperation() {
        Caller reader = project("u1", "p1", "reader");
        PolicyDenied denied = assertThrows(PolicyDenied.class,
                () -> policy.enforce("identity:list_domains", reader, Map.of()));
        assertEquals("identity:list_domains", denied.operation());
        assertEquals("Policy doesn't allow identity:list_domains to be performed.", denied.getMessage());
        policy.enforce("identity:list_domains", system("u1", "reader"), Map.of());
    }

    @Test
    void unknownOperationIsDeniedWithoutDefaultRule() {
        assertFalse(policy.allowed("identity:unknown", project("u1", "p1", "admin"), Map.of()));
    }

    @Test
    void unknownOperationFallsBackToDefaultRule() {
        Policy withDefault = Policy.of(IDENTITY, () -> Map.of("default", "role:admin"));
        assertTrue(withDefault.allowed("identity:unknown", project("u1", "p1", "admin"), Map.of()));
        assertFalse(withDefault.allowed("identity:unknown", project("u1", "p1", "reader"), Map.of()));
    }

    @Test
    void beansMayShareIdenticalRulesButNotConflictingOnes() {
        PolicyRules same = () -> Map.of("admin_required", "role:admin");
        assertTrue(Policy.of(IDENTITY, same).allowed("identity:list_domains", project("u", "p", "admin"), null));
        PolicyRules other = () -> Map.of("admin_required", "role:root");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> Policy.of(IDENTITY, other));
        assertTrue(e.getMessage().contains("'admin_required' is defined twice"), e.getMessage());
    }

    @Test
    void badDefaultFailsConstruction() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> Policy.of(() -> Map.of("identity:get_user", "role:admin or or role:reader")));
        assertTrue(e.getMessage().contains("'identity:get_user'"), e.getMessage());
    }
}
