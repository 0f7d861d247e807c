package io.strato.kit.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.strato.kit.policy.Callers.project;
import static io.strato.kit.policy.Callers.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyFileTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void yamlOverrideReplacesADefaultAndKeepsTheRest() throws IOException {
        Path yaml = file("policy.yaml", """
                # let project readers list domains too
                "identity:list_domains": "rule:admin_required or role:reader"
                "admin_required": "role:admin or role:root"
                """);
        Policy policy = Policy.of(yaml, PolicyTest.IDENTITY);
        assertTrue(policy.allowed("identity:list_domains", project("u", "p", "reader"), null));
        assertTrue(policy.allowed("identity:list_domains", project("u", "p", "root"), null));
        assertFalse(Policy.of(PolicyTest.IDENTITY).allowed("identity:list_domains", project("u", "p", "root"), null));
        assertEquals("role:admin or role:root", policy.effectiveRules().get("admin_required"));
        assertEquals(PolicyTest.IDENTITY.defaults().get("identity:get_user"),
                policy.effectiveRules().get("identity:get_user"));
    }

    @Test
    void jsonOverrideWorksAndMayAddRules() throws IOException {
        Path json = file("policy.json", """
                {"identity:list_domains": "!", "default": "role:admin"}
                """);
        Policy policy = Policy.of(json, PolicyTest.IDENTITY);
        assertFalse(policy.allowed("identity:list_domains", system("u", "admin"), Map.of()));
        assertTrue(policy.allowed("identity:something_new", system("u", "admin"), Map.of()));
    }

    @Test
    void legacyListOfListsForm() throws IOException {
        Path yaml = file("policy.yaml", """
                identity:list_domains: [["role:reader", "system_scope:all"], ["role:admin"]]
                open: []
                closed: [[]]
                """);
        Policy policy = Policy.of(yaml, PolicyTest.IDENTITY);
        assertTrue(policy.allowed("identity:list_domains", system("u", "reader"), null));
        assertTrue(policy.allowed("identity:list_domains", project("u", "p", "admin"), null));
        assertFalse(policy.allowed("identity:list_domains", project("u", "p", "reader"), null));
        assertTrue(policy.allowed("open", project("u", "p"), null));
        assertFalse(policy.allowed("closed", project("u", "p", "admin"), null));
    }

    @Test
    void emptyFileKeepsDefaults() throws IOException {
        Policy policy = Policy.of(file("policy.yaml", "# nothing overridden\n"), PolicyTest.IDENTITY);
        assertEquals(PolicyTest.IDENTITY.defaults(), policy.effectiveRules());
    }

    @Test
    void badRuleInFileNamesTheRule() throws IOException {
        Path yaml = file("policy.yaml", "\"identity:get_user\": \"role:admin or (role:reader\"\n");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> Policy.of(yaml, PolicyTest.IDENTITY));
        assertEquals("Policy rule 'identity:get_user' is invalid: missing ')' for '(' at offset 14"
                + " in \"role:admin or (role:reader\"", e.getMessage());
    }

    @Test
    void cycleIntroducedByOverrideIsRejected() throws IOException {
        Path yaml = file("policy.yaml", "admin_required: rule:identity:list_domains\n");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> Policy.of(yaml, PolicyTest.IDENTITY));
        assertTrue(e.getMessage().contains("refers to itself"), e.getMessage());
    }

    @Test
    void nonStringValueNamesFileAndRule() throws IOException {
        Path yaml = file("policy.yaml", "identity:get_user: 42\n");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class,
                () -> Policy.of(yaml, PolicyTest.IDENTITY));
        assertTrue(e.getMessage().contains(yaml.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("rule 'identity:get_user' must be a string"), e.getMessage());
    }

    @Test
    void malformedYamlAndDuplicateKeysAreRejected() throws IOException {
        Path broken = file("broken.yaml", "identity:get_user: \"role:admin\n");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> Policy.of(broken));
        assertTrue(e.getMessage().startsWith("Policy file " + broken + " is not valid YAML or JSON"), e.getMessage());

        Path dup = file("dup.yaml", "a: role:x\na: role:y\n");
        e = assertThrows(InvalidPolicyException.class, () -> Policy.of(dup));
        assertTrue(e.getMessage().contains("Duplicate field 'a'"), e.getMessage());
    }

    @Test
    void topLevelMustBeAMapping() throws IOException {
        Path list = file("list.yaml", "- role:admin\n");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> Policy.of(list));
        assertTrue(e.getMessage().contains("must map rule names to rule strings"), e.getMessage());
    }

    @Test
    void missingFileIsAnError() {
        Path missing = dir.resolve("nope.yaml");
        InvalidPolicyException e = assertThrows(InvalidPolicyException.class, () -> Policy.of(missing));
        assertEquals("Policy file " + missing + " does not exist", e.getMessage());
    }
}
