package io.strato.kit.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an operator override file as oslo.policy does: a YAML or JSON mapping of rule name to rule
 * string. Values may also be oslo's legacy list-of-lists form ({@code [["role:a", "role:b"], ["@"]]}:
 * inner lists are and-ed, the outer list or-ed; as in oslo, {@code []} always passes and a list of
 * only empty lists never does). Duplicate names are
 * an error, as they are almost always a merge mistake.
 */
final class PolicyFile {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private PolicyFile() {
    }

    /** @throws InvalidPolicyException naming the file, and the rule when one is at fault */
    static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InvalidPolicyException("Policy file " + file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new InvalidPolicyException("Policy file " + file + " is not valid YAML or JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidPolicyException("Policy file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new InvalidPolicyException("Policy file " + file + " must map rule names to rule strings");
        }
        Map<String, String> rules = new LinkedHashMap<>();
        root.properties().forEach(e -> rules.put(e.getKey(), ruleText(file, e.getKey(), e.getValue())));
        return rules;
    }

    private static String ruleText(Path file, String name, JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isArray()) {
            return fromListOfLists(file, name, value);
        }
        throw new InvalidPolicyException("Policy file " + file + ": rule '" + name
                + "' must be a string, got " + value.getNodeType().name().toLowerCase());
    }

    private static String fromListOfLists(Path file, String name, JsonNode outer) {
        if (outer.isEmpty()) {
            return "";
        }
        List<String> alternatives = new ArrayList<>();
        for (JsonNode inner : outer) {
            List<String> checks = new ArrayList<>();
            if (inner.isTextual()) {
                checks.add(check(file, name, inner));
            } else if (inner.isArray()) {
                inner.forEach(check -> checks.add(check(file, name, check)));
            } else {
                throw new InvalidPolicyException("Policy file " + file + ": rule '" + name
                        + "' in list form must be a list of lists of checks");
            }
            if (!checks.isEmpty()) {
                alternatives.add("(" + String.join(" and ", checks) + ")");
            }
        }
        // as in oslo.policy: a list holding only empty lists never passes
        return alternatives.isEmpty() ? "!" : String.join(" or ", alternatives);
    }

    private static String check(Path file, String name, JsonNode check) {
        if (!check.isTextual() || check.textValue().isBlank()) {
            throw new InvalidPolicyException("Policy file " + file + ": rule '" + name
                    + "' in list form must hold check strings, got " + check);
        }
        return "(" + check.textValue() + ")";
    }
}
