package io.strato.compute.flavors;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.api.Microversion;
import io.strato.compute.validation.BodyFields;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The body of {@code POST /flavors}, validated as Nova's flavor_manage schema does. */
record FlavorRequest(String id, String name, String description, int ram, int vcpus, int disk, int ephemeral,
                     int swap, double rxtxFactor, boolean isPublic) {
    private static final long MAX_INT = Integer.MAX_VALUE;
    private static final Pattern ID = Pattern.compile("^(?! )[a-zA-Z0-9. _-]+(?<! )$");
    private static final Set<String> FIELDS = Set.of("id", "name", "ram", "vcpus", "disk", "OS-FLV-EXT-DATA:ephemeral",
            "swap", "rxtx_factor", "os-flavor-access:is_public");

    static FlavorRequest parse(JsonNode body) {
        return parse(body, Microversion.MIN);
    }

    /** A create body at the request's microversion: {@code description} from 2.55. */
    static FlavorRequest parse(JsonNode body, Microversion version) {
        BodyFields.onlyKnown(body, Set.of("flavor"));
        JsonNode f = BodyFields.object(body, "flavor");
        Set<String> allowed = new HashSet<>(FIELDS);
        if (version.atLeast(55)) {
            allowed.add("description");
        }
        BodyFields.onlyKnown(f, allowed);
        String name = BodyFields.name(f, "name", 255, true);
        return new FlavorRequest(id(f.get("id")), name, description(f.get("description")),
                BodyFields.integer(f, "ram", 1, MAX_INT, null),
                BodyFields.integer(f, "vcpus", 1, MAX_INT, null),
                BodyFields.integer(f, "disk", 0, MAX_INT, null),
                BodyFields.integer(f, "OS-FLV-EXT-DATA:ephemeral", 0, MAX_INT, 0),
                BodyFields.integer(f, "swap", 0, MAX_INT, 0),
                rxtx(f.get("rxtx_factor")),
                BodyFields.bool(f, "os-flavor-access:is_public", true));
    }

    /** Nova's flavorid: given (a string or number matching Nova's pattern) or a new UUID when absent or null. */
    static String id(JsonNode n) {
        if (n == null || n.isNull()) {
            return UUID.randomUUID().toString();
        }
        String id = n.isNumber() ? n.asText() : n.isTextual() ? n.asText() : null;
        if (id == null) {
            throw BodyFields.invalid("id", n, n + " is not of type 'string', 'number', 'null'");
        }
        if (id.isEmpty() || id.length() > 255 || !ID.matcher(id).matches()) {
            throw BodyFields.invalid("id", n, "'" + id + "' does not match '" + ID.pattern() + "'");
        }
        return id;
    }

    /** The description of a 2.55 update: required, a string of at most 65535 characters or null. */
    static String updatedDescription(JsonNode body) {
        BodyFields.onlyKnown(body, Set.of("flavor"));
        JsonNode f = BodyFields.object(body, "flavor");
        BodyFields.onlyKnown(f, Set.of("description"));
        if (!f.has("description")) {
            throw BodyFields.invalid("flavor", f, "'description' is a required property");
        }
        return description(f.get("description"));
    }

    private static String description(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw BodyFields.invalid("description", n, n + " is not of type 'string', 'null'");
        }
        if (n.asText().length() > 65535) {
            throw BodyFields.invalid("description", n, "the description is longer than 65535 characters");
        }
        return n.asText();
    }

    private static double rxtx(JsonNode n) {
        if (n == null) {
            return 1.0;
        }
        double v;
        if (n.isNumber()) {
            v = n.asDouble();
        } else if (n.isTextual() && n.asText().matches("^[0-9]+(\\.[0-9]+)?$")) {
            v = Double.parseDouble(n.asText());
        } else {
            throw BodyFields.invalid("rxtx_factor", n, n + " is not of type 'number', 'string'");
        }
        if (v <= 0) {
            throw BodyFields.invalid("rxtx_factor", n, v + " is less than or equal to the minimum of 0");
        }
        if (v > 3.40282e+38) {
            throw BodyFields.invalid("rxtx_factor", n, v + " is greater than the maximum of 3.40282e+38");
        }
        return v;
    }
}
