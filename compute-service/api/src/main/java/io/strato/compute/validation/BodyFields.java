package io.strato.compute.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Booleans;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads fields of a request body the way Nova's JSON schemas accept them, failing with Nova's 400 message
 * {@code Invalid input for field/attribute <name>. Value: <v>. <reason>}. Integers may come as JSON numbers
 * or as strings of digits, booleans as JSON booleans or strings oslo's bool_from_string reads ({@link Booleans}).
 */
public final class BodyFields {
    /** A key of Nova's {@code parameter_types.metadata} (server metadata, flavor extra specs). */
    public static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");

    private BodyFields() {
    }

    public static InvalidInput invalid(String field, JsonNode value, String reason) {
        return new InvalidInput("Invalid input for field/attribute " + field + ". Value: "
                + (value == null ? "None" : value.isTextual() ? value.asText() : value.toString()) + ". " + reason);
    }

    /** Refuses members other than {@code allowed}, as a schema with {@code additionalProperties: false}. */
    public static void onlyKnown(JsonNode object, Set<String> allowed) {
        List<String> unexpected = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                unexpected.add("'" + name + "'");
            }
        }
        if (!unexpected.isEmpty()) {
            throw new InvalidInput("Additional properties are not allowed (" + String.join(", ", unexpected)
                    + (unexpected.size() == 1 ? " was" : " were") + " unexpected)");
        }
    }

    /** The object member {@code name}, which must be present and a JSON object. */
    public static JsonNode object(JsonNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n == null) {
            throw new InvalidInput("Invalid input for field/attribute " + name + ". Value: None. '" + name + "' is a required property");
        }
        if (!n.isObject()) {
            throw invalid(name, n, n + " is not of type 'object'");
        }
        return n;
    }

    /** An integer in {@code [min, max]}; {@code fallback} when absent (null fallback: required). */
    public static int integer(JsonNode object, String name, long min, long max, Integer fallback) {
        JsonNode n = object.get(name);
        if (n == null) {
            if (fallback == null) {
                throw new InvalidInput("Invalid input for field/attribute " + name + ". Value: None. '" + name + "' is a required property");
            }
            return fallback;
        }
        long v;
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            v = n.asLong();
        } else if (n.isTextual() && n.asText().matches("-?[0-9]{1,18}")) {
            v = Long.parseLong(n.asText());
        } else {
            throw invalid(name, n, n + " is not of type 'integer', 'string'");
        }
        if (v < min) {
            throw invalid(name, n, v + " is less than the minimum of " + min);
        }
        if (v > max) {
            throw invalid(name, n, v + " is greater than the maximum of " + max);
        }
        return (int) v;
    }

    /** A boolean; {@code fallback} when absent or null. */
    public static boolean bool(JsonNode object, String name, boolean fallback) {
        JsonNode n = object.get(name);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return Booleans.parse(n.isTextual() ? n.asText() : null)
                .orElseThrow(() -> invalid(name, n, n + " is not one of the accepted boolean values"));
    }

    /**
     * A name as Nova's {@code parameter_types.name}: a string of 1..{@code max} printable characters with no
     * leading or trailing whitespace; null when absent and not required.
     */
    public static String name(JsonNode object, String field, int max, boolean required) {
        JsonNode n = object.get(field);
        if (n == null) {
            if (required) {
                throw new InvalidInput("Invalid input for field/attribute " + field + ". Value: None. '" + field + "' is a required property");
            }
            return null;
        }
        if (!n.isTextual()) {
            throw invalid(field, n, n + " is not of type 'string'");
        }
        String s = n.asText();
        if (s.isEmpty()) {
            throw invalid(field, n, "'' is too short");
        }
        if (s.length() > max) {
            throw invalid(field, n, "'" + s + "' is too long");
        }
        if (!s.equals(s.strip()) || s.chars().anyMatch(Character::isISOControl)) {
            throw invalid(field, n, "'" + s + "' does not match the name format (no leading or trailing whitespace, printable characters)");
        }
        return s;
    }

    /**
     * A JSON object as Nova's {@code parameter_types.metadata}: keys of 1-255 characters of letters, digits,
     * {@code -_:.} and space, string values of at most 255 characters. The quota on how many is the service's.
     */
    public static Map<String, String> metadata(JsonNode n, String field) {
        if (n == null) {
            throw new InvalidInput("Invalid input for field/attribute " + field + ". Value: None. '" + field + "' is a required property");
        }
        if (!n.isObject()) {
            throw invalid(field, n, n + " is not of type 'object'");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!METADATA_KEY.matcher(e.getKey()).matches()) {
                throw invalid(field, n, "Additional properties are not allowed ('" + e.getKey() + "' was unexpected)");
            }
            JsonNode v = e.getValue();
            if (!v.isTextual()) {
                throw invalid(field + "." + e.getKey(), v, v + " is not of type 'string'");
            }
            if (v.asText().length() > 255) {
                throw invalid(field + "." + e.getKey(), v, "'" + v.asText() + "' is too long");
            }
            out.put(e.getKey(), v.asText());
        }
        return out;
    }
}
