package io.strato.compute.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bodies of os-aggregates as Nova's schemas read them (nova/api/openstack/compute/schemas/aggregates.py):
 * names of 1-255 printable characters, zones the same without {@code :}, hosts as {@code parameter_types.fqdn},
 * metadata with null values (a null removes the key).
 */
final class AggregateRequest {
    private static final Pattern HOST = Pattern.compile("^[a-zA-Z0-9-._]{1,255}$");

    private AggregateRequest() {
    }

    /** A new aggregate: its name and zone (null: none). */
    record Create(String name, String availabilityZone) {
    }

    /** A change of name (null: kept) and/or zone ({@code zoneGiven}: the body named it, perhaps as null). */
    record Update(String name, boolean zoneGiven, String availabilityZone) {
    }

    static Create create(JsonNode body) {
        JsonNode a = wrapper(body);
        String name = BodyFields.name(a, "name", 255, true);
        return new Create(name, zone(a));
    }

    static Update update(JsonNode body) {
        JsonNode a = wrapper(body);
        if (!a.has("name") && !a.has(Aggregate.ZONE)) {
            throw BodyFields.invalid("aggregate", a, a + " is not valid under any of the given schemas");
        }
        String name = null;
        if (a.has("name")) {
            JsonNode n = a.get("name");
            if (!n.isTextual()) {
                throw BodyFields.invalid("name", n, n + " is not of type 'string'");
            }
            // parameter_types.name_with_leading_trailing_spaces, then normalize_name strips
            name = n.asText().strip();
            if (name.isEmpty() || n.asText().length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
                throw BodyFields.invalid("name", n, "'" + n.asText() + "' does not match the name format (1-255 printable characters)");
            }
        }
        return new Update(name, a.has(Aggregate.ZONE), zone(a));
    }

    /** The host of {@code add_host} or {@code remove_host}. */
    static String host(JsonNode action) {
        BodyFields.onlyKnown(action, Set.of("host"));
        JsonNode h = action.get("host");
        if (h == null) {
            throw new InvalidInput("Invalid input for field/attribute host. Value: None. 'host' is a required property");
        }
        if (!h.isTextual()) {
            throw BodyFields.invalid("host", h, h + " is not of type 'string'");
        }
        if (!HOST.matcher(h.asText()).matches()) {
            throw BodyFields.invalid("host", h, "'" + h.asText() + "' does not match '^[a-zA-Z0-9-._]*$'");
        }
        return h.asText();
    }

    /** The metadata of {@code set_metadata}: values are strings of at most 255 characters, or null to remove the key. */
    static Map<String, String> metadata(JsonNode action) {
        BodyFields.onlyKnown(action, Set.of("metadata"));
        JsonNode m = BodyFields.object(action, "metadata");
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!BodyFields.METADATA_KEY.matcher(e.getKey()).matches()) {
                throw BodyFields.invalid("metadata", m, "Additional properties are not allowed ('" + e.getKey() + "' was unexpected)");
            }
            JsonNode v = e.getValue();
            if (!v.isNull() && !v.isTextual()) {
                throw BodyFields.invalid("metadata." + e.getKey(), v, v + " is not of type 'string', 'null'");
            }
            if (v.isTextual() && v.asText().length() > 255) {
                throw BodyFields.invalid("metadata." + e.getKey(), v, "'" + v.asText() + "' is too long");
            }
            out.put(e.getKey(), v.isNull() ? null : v.asText());
        }
        return out;
    }

    private static JsonNode wrapper(JsonNode body) {
        BodyFields.onlyKnown(body, Set.of("aggregate"));
        JsonNode a = BodyFields.object(body, "aggregate");
        BodyFields.onlyKnown(a, Set.of("name", Aggregate.ZONE));
        return a;
    }

    /** {@code availability_zone}: absent or null is none; else Nova's {@code az_name} (1-255, no {@code :}). */
    private static String zone(JsonNode a) {
        JsonNode z = a.get(Aggregate.ZONE);
        if (z == null || z.isNull()) {
            return null;
        }
        if (!z.isTextual()) {
            throw BodyFields.invalid(Aggregate.ZONE, z, z + " is not valid under any of the given schemas");
        }
        String s = z.asText();
        if (s.isEmpty() || s.length() > 255 || s.contains(":") || !s.equals(s.strip())
                || s.chars().anyMatch(Character::isISOControl)) {
            throw BodyFields.invalid(Aggregate.ZONE, z, "'" + s + "' is not a 'az_name'");
        }
        return s;
    }
}
