package io.strato.identity.groups;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.identity.policy.IdentityBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupPoliciesTest {
    private final Policy policy = Policy.of(new IdentityBaseRules(), new GroupPolicies());

    static Caller projectCaller(String userId, String... roles) {
        return new Caller(userId, userId, "default", "p1", "p1", "default", null, false, Set.of(roles),
                List.of(), List.of("password"), null, null, null);
    }

    static Caller domainCaller(String userId, String domainId, String... roles) {
        return new Caller(userId, userId, domainId, null, null, null, domainId, false, Set.of(roles),
                List.of(), List.of("password"), null, null, null);
    }

    @Test
    void onlyAdminsWrite() {
        Map<String, Object> target = GroupPolicies.target("g", "default");
        assertTrue(policy.allowed(GroupPolicies.CREATE, projectCaller("a", "admin", "member", "reader"), target));
        assertFalse(policy.allowed(GroupPolicies.CREATE, projectCaller("m", "member", "reader"), target));
        assertFalse(policy.allowed(GroupPolicies.ADD_USER, domainCaller("r", "default", "reader"), target));
    }

    @Test
    void domainReadersReadTheirOwnDomainOnly() {
        Caller reader = domainCaller("r", "d1", "reader");
        assertTrue(policy.allowed(GroupPolicies.GET, reader, GroupPolicies.target("g", "d1")));
        assertFalse(policy.allowed(GroupPolicies.GET, reader, GroupPolicies.target("g", "d2")));
        assertFalse(policy.allowed(GroupPolicies.LIST, reader, GroupPolicies.target(null, null)));
    }

    @Test
    void aUserListsTheirOwnGroups() {
        Caller member = projectCaller("u1", "member", "reader");
        assertTrue(policy.allowed(GroupPolicies.LIST_FOR_USER, member, GroupPolicies.userTarget("u1", "default")));
        assertFalse(policy.allowed(GroupPolicies.LIST_FOR_USER, member, GroupPolicies.userTarget("u2", "default")));
    }
}
