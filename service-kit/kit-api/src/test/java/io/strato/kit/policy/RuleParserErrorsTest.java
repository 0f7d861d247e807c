package io.strato.kit.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleParserErrorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "role:admin or              | rule ends",
            "(role:admin                | missing ')'",
            "role:admin)                | unexpected ')' at offset 10",
            "and role:admin             | unexpected 'and' at offset 0",
            "role:admin role:member     | unexpected 'role:member'",
            "()                         | unexpected ')'",
            "not                        | rule ends",
            "admin                      | 'admin' is not a check",
            "role:                      | needs both a kind and a value",
            ":admin                     | needs both a kind and a value",
            "project_id:%(project_id    | unterminated substitution",
            "project_id:%(project_id)d  | bad substitution",
            "project_id:%()s            | bad substitution",
            "project_id:'p1             | unterminated quote",
            "project_id:'p1'x           | badly quoted",
            "http://policy.example/x    | HTTP checks",
    })
    void rejectsWithMessageNamingTheRule(String rule, String problem) {
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> RuleSet.compile(Map.of("identity:get_user", rule)));
        assertTrue(e.getMessage().startsWith("Policy rule 'identity:get_user' is invalid: "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().contains(rule.strip()), e.getMessage());
    }
}
