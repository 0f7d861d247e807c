package io.strato.kit.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class RuleGrammarTest {

    /** A project-scoped caller with roles Reader and member, and a nested token credential. */
    private static final Map<String, Object> CREDS = Map.of(
            "user_id", "u1",
            "project_id", "p1",
            "roles", Set.of("Reader", "member"),
            "token", Map.of("project", Map.of("domain", Map.of("id", "d1"))));

    static Stream<Arguments> table() {
        Map<String, Object> none = Map.of();
        return Stream.of(
                // special checks
                arguments("@", none, true),
                arguments("!", none, false),
                arguments("", none, true),
                arguments("   ", none, true),
                // roles, case-insensitive both ways
                arguments("role:reader", none, true),
                arguments("role:READER", none, true),
                arguments("role:Member", none, true),
                arguments("role:admin", none, false),
                arguments("role:%(wanted)s", Map.of("wanted", "MEMBER"), true),
                // not / and / or, keywords in any case
                arguments("not role:admin", none, true),
                arguments("not role:reader", none, false),
                arguments("NOT role:admin", none, true),
                arguments("role:admin or role:reader", none, true),
                arguments("role:admin OR role:nobody", none, false),
                arguments("role:reader and role:member", none, true),
                arguments("role:admin and role:reader", none, false),
                // precedence: and binds tighter than or, not tighter than both
                arguments("role:reader or role:admin and role:nobody", none, true),
                arguments("role:admin and role:nobody or role:reader", none, true),
                arguments("not role:reader or role:member", none, true),
                arguments("not role:admin and role:reader", none, true),
                // parentheses
                arguments("(role:reader or role:admin) and role:nobody", none, false),
                arguments("not (role:admin or role:reader)", none, false),
                arguments("((role:admin)) or (role:reader)", none, true),
                arguments("(project_id:%(project_id)s)", Map.of("project_id", "p1"), true),
                // generic checks with substitution
                arguments("project_id:%(project_id)s", Map.of("project_id", "p1"), true),
                arguments("project_id:%(project_id)s", Map.of("project_id", "p2"), false),
                arguments("project_id:%(project_id)s", none, false),
                arguments("project_id:p%(n)s", Map.of("n", 1), true),
                arguments("user_id:%(target.user.id)s", Map.of("target", Map.of("user", Map.of("id", "u1"))), true),
                arguments("user_id:%(target.user.id)s", Map.of("target.user.id", "u1"), true),
                arguments("user_id:%(target.user.id)s", Map.of("user", Map.of("id", "u1")), true),
                arguments("user_id:%(target.user.id)s", Map.of("target", Map.of("user", Map.of("id", "u2"))), false),
                // literals
                arguments("project_id:p1", none, true),
                arguments("project_id:'p1'", none, true),
                arguments("project_id:\"p1\"", none, true),
                arguments("project_id:'%(project_id)s'", Map.of("project_id", "p1"), false),
                arguments("system_scope:all", none, false),
                arguments("'p1':%(project_id)s", Map.of("project_id", "p1"), true),
                arguments("'p1':%(project_id)s", Map.of("project_id", "p2"), false),
                arguments("True:%(user.enabled)s", Map.of("user", Map.of("enabled", true)), true),
                arguments("True:%(user.enabled)s", Map.of("user", Map.of("enabled", false)), false),
                arguments("False:%(user.enabled)s", Map.of("user", Map.of("enabled", false)), true),
                // credential paths through nested maps and lists
                arguments("token.project.domain.id:d1", none, true),
                arguments("token.project.domain.id:d2", none, false),
                arguments("roles:member", none, true),
                arguments("roles:member2", none, false));
    }

    @ParameterizedTest(name = "{0} with {1} -> {2}")
    @MethodSource("table")
    void evaluates(String rule, Map<String, Object> target, boolean expected) {
        assertEquals(expected, RuleSet.compile(Map.of("r", rule)).test("r", target, CREDS));
    }

    @ParameterizedTest
    @MethodSource("nullCases")
    void nullNeverMatchesNull(String rule) {
        Map<String, Object> creds = new java.util.HashMap<>();
        creds.put("project_id", null);
        creds.put("roles", List.of());
        Map<String, Object> target = new java.util.HashMap<>();
        target.put("project_id", null);
        assertEquals(false, RuleSet.compile(Map.of("r", rule)).test("r", target, creds));
    }

    static Stream<String> nullCases() {
        return Stream.of("project_id:%(project_id)s", "project_id:None", "role:%(project_id)s");
    }
}
