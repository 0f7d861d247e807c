package io.strato.network.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Ids;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The attributes of a request body ({@code {"network": {...}}}'s inner object), read with Neutron's
 * validation: unknown attributes, wrong types and over-long strings are 400s naming the attribute.
 */
public final class Attributes {
    private final JsonNode node;

    private Attributes(JsonNode node) {
        this.node = node;
    }

    /**
     * @param allowed every attribute the operation accepts (others are refused)
     */
    public static Attributes of(JsonNode node, Set<String> allowed) {
        refuseNul(node, null);
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw Neutron.badRequest("HTTPBadRequest", "Unrecognized attribute(s) '" + String.join(", ", unknown) + "'");
        }
        return new Attributes(node);
    }

    /**
     * Refuses a NUL character (U+0000) anywhere in an attribute's value or name, naming the attribute: no Neutron
     * value holds one, and PostgreSQL can store it neither in text nor in jsonb.
     *
     * @param attribute the top-level attribute {@code node} is (in), or null for the attributes object itself
     */
    private static void refuseNul(JsonNode node, String attribute) {
        if (node.isTextual() && node.textValue().indexOf('\0') >= 0) {
            throw nul(attribute);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String named = attribute == null ? e.getKey() : attribute;
            if (e.getKey().indexOf('\0') >= 0) {
                throw nul(named);
            }
            refuseNul(e.getValue(), named);
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                refuseNul(item, attribute);
            }
        }
    }

    private static RuntimeException nul(String attribute) {
        return Neutron.invalid("'" + (attribute == null ? "" : attribute.replace("\0", "\\u0000"))
                + "' contains a NUL character (\\u0000), which is not allowed.");
    }

    public boolean has(String name) {
        return node.has(name);
    }

    public JsonNode raw(String name) {
        return node.get(name);
    }

    public Optional<String> string(String name, int maxLength) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw Neutron.invalid("'" + v + "' is not a valid string for " + name + ".");
        }
        if (v.asText().length() > maxLength) {
            throw Neutron.invalid("'" + v.asText() + "' exceeds maximum length of " + maxLength + " for " + name + ".");
        }
        return Optional.of(v.asText());
    }

    /**
     * JSON booleans, and the strings oslo's {@code bool_from_string} reads ("true", "False", "yes", "0"...),
     * as neutron-lib's {@code convert_to_boolean} converts them.
     */
    public Optional<Boolean> bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isBoolean()) {
            return Optional.of(v.asBoolean());
        }
        Optional<Boolean> spelled = v.isTextual() ? Booleans.parse(v.asText()) : Optional.empty();
        if (spelled.isEmpty()) {
            throw Neutron.invalid("'" + v + "' is not a valid boolean value for " + name + ".");
        }
        return spelled;
    }

    public Optional<Integer> integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return Optional.of(v.asInt());
        }
        if (v.isTextual()) {
            try {
                return Optional.of(Integer.parseInt(v.asText().trim()));
            } catch (NumberFormatException e) {
                // falls through to the 400
            }
        }
        throw Neutron.invalid("'" + v + "' is not an integer for " + name + ".");
    }

    public Optional<UUID> uuid(String name) {
        return string(name, 64).map(s -> Ids.parse(s).orElseThrow(() -> Neutron.invalid("'" + s + "' is not a valid UUID for " + name + ".")));
    }

    /** A list of strings ({@code dns_nameservers}, {@code security_groups}, {@code tags}). */
    public Optional<List<String>> strings(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isArray()) {
            throw Neutron.invalid("'" + v + "' is not a list for " + name + ".");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : v) {
            if (!item.isTextual()) {
                throw Neutron.invalid("'" + item + "' is not a valid string in " + name + ".");
            }
            out.add(item.asText());
        }
        return Optional.of(out);
    }
}
