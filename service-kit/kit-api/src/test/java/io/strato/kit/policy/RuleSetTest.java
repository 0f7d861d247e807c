package io.strato.kit.policy;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleSetTest {

    private static final Map<String, Object> READER = Map.of("roles", Set.of("reader"), "user_id", "u1");
    private static final Map<String, Object> NOBODY = Map.of("roles", Set.of(), "user_id", "u2");

    @Test
    void ruleReferencesEvaluateTheReferencedRule() {
        RuleSet rules = RuleSet.compile(Map.of(
                "reader", "role:reader",
                "owner", "user_id:%(user_id)s",
                "get", "rule:reader or rule:owner"));
        assertTrue(rules.test("get", Map.of(), READER));
        assertTrue(rules.test("get", Map.of("user_id", "u2"), NOBODY));
        assertFalse(rules.test("get", Map.of("user_id", "u1"), NOBODY));
    }

    @Test
    void referenceToUndefinedRuleFailsAndIsReported() {
        RuleSet rules = RuleSet.compile(Map.of("get", "rule:missing or role:admin", "list", "rule:also_missing"));
        assertFalse(rules.test("get", Map.of(), READER));
        assertEquals(Set.of("also_missing", "missing"), rules.undefinedReferences());
    }

    @Test
    void undefinedRuleFails() {
        assertFalse(RuleSet.compile(Map.of()).test("nothing", Map.of(), READER));
    }

    @Test
    void selfReferenceIsACycle() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> RuleSet.compile(Map.of("a", "role:x or rule:a")));
        assertEquals("Policy rule 'a' refers to itself: a -> a", e.getMessage());
    }

    @Test
    void indirectCycleIsNamed() {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> RuleSet.compile(Map.of(
                "a", "rule:b",
                "b", "role:x and not rule:c",
                "c", "(rule:a)",
                "d", "rule:a")));
        assertEquals("Policy rule 'a' refers to itself: a -> b -> c -> a", e.getMessage());
    }

    @Test
    void sharedReferencesAreNotCycles() {
        RuleSet rules = RuleSet.compile(Map.of(
                "base", "role:reader",
                "x", "rule:base",
                "y", "rule:base and rule:x",
                "z", "rule:x or rule:y"));
        assertTrue(rules.test("z", Map.of(), READER));
    }
}
