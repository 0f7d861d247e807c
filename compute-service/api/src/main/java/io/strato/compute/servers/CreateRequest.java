package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.api.Microversion;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Ids;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A server create body, checked as Nova's JSON schema for {@code POST /servers} checks it (the messages
 * follow Nova's). Only syntax here; whether the flavor, image, networks... exist is the service's job.
 *
 * @param networks     null for "auto" (the project's one network), empty for "none" (2.37)
 * @param autoAllocate 2.37's "auto": no network available is a 400 (Strato allocates none itself)
 */
public record CreateRequest(String name, UUID imageId, String flavorRef, List<Server.RequestedNetwork> networks,
                            List<String> securityGroups, String keyName, String userData, Map<String, String> metadata,
                            String availabilityZone, int minCount, int maxCount, UUID groupId, String adminPass,
                            String diskConfig, String configDrive, String accessIpv4, String accessIpv6,
                            boolean returnReservationId, String description, List<String> tags,
                            boolean autoAllocate, String requestedHost, String requestedNode, String hostname) {

    private static final Set<String> KNOWN = Set.of("name", "imageRef", "flavorRef", "networks", "security_groups",
            "key_name", "user_data", "metadata", "availability_zone", "min_count", "max_count", "adminPass",
            "OS-DCF:diskConfig", "config_drive", "accessIPv4", "accessIPv6", "return_reservation_id",
            "personality", "block_device_mapping", "block_device_mapping_v2");
    private static final int MAX_USER_DATA = 65535;

    /** A body at 2.1. */
    public static CreateRequest parse(JsonNode body) {
        return parse(body, Microversion.MIN);
    }

    /** A body at the request's microversion: {@code description} from 2.19, {@code tags} from 2.52, no {@code personality} from 2.57. */
    public static CreateRequest parse(JsonNode body, Microversion version) {
        JsonNode s = body.get("server");
        if (s == null || !s.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute server. Value: None. 'server' is a required property");
        }
        Set<String> known = since(since(KNOWN, version, 19, "description"), version, 52, "tags");
        if (version.atLeast(57)) { // 2.57 removed personality from the schema: an unknown key
            known = new HashSet<>(known);
            known.remove("personality");
        }
        known = since(known, version, 63, "trusted_image_certificates");
        known = since(known, version, 74, "host", "hypervisor_hostname");
        known = since(known, version, 90, "hostname");
        onlyKnown(s, known);
        trustedCertificates(s.get("trusted_image_certificates"));
        if (nonEmpty(s.get("block_device_mapping")) || nonEmpty(s.get("block_device_mapping_v2"))) {
            throw new InvalidInput("Block device mappings are not supported: boot the server from an image (imageRef).");
        }
        if (nonEmpty(s.get("personality"))) {
            throw new InvalidInput("Personality files are not supported; use user_data.");
        }
        String name = name(s.get("name"));
        UUID image = imageRef(s.get("imageRef"));
        String flavor = flavorRef(s.get("flavorRef"));
        int min = count(s, "min_count");
        int max = s.has("max_count") ? count(s, "max_count") : min;
        if (min > max) {
            throw new InvalidInput("min_count must be <= max_count");
        }
        if (s.has("hostname") && version.atLeast(90) && max > 1) {
            throw new InvalidInput("Unable to allocate a single hostname to multiple instances");
        }
        UUID group = group(body);
        if (version.atLeast(37) && !s.has("networks")) {
            throw new InvalidInput("Invalid input for field/attribute server. Value: " + abbreviated(s)
                    + ". 'networks' is a required property");
        }
        return new CreateRequest(name, image, flavor, networks(s.get("networks"), version), securityGroups(s.get("security_groups")),
                optionalString(s, "key_name", 255), userData(s.get("user_data")), metadata(s.get("metadata")),
                optionalString(s, "availability_zone", 255), min, max, group, optionalString(s, "adminPass", 255),
                diskConfig(s.get("OS-DCF:diskConfig")), configDrive(s.get("config_drive")),
                ip(s.get("accessIPv4"), "accessIPv4", false), ip(s.get("accessIPv6"), "accessIPv6", true),
                bool(s.get("return_reservation_id")), description(s.get("description")),
                s.has("tags") ? ServerTags.parse(s.get("tags"), "tags") : List.of(), version.atLeast(37),
                fqdn(s.get("host"), "host"), fqdn(s.get("hypervisor_hostname"), "hypervisor_hostname"),
                hostname(s.get("hostname"), version));
    }

    private static String abbreviated(JsonNode n) {
        String v = n.toString();
        return v.length() > 80 ? v.substring(0, 80) + "..." : v;
    }

    /** {@code known} and, from microversion 2.{@code minor}, {@code added}. */
    static Set<String> since(Set<String> known, Microversion version, int minor, String... added) {
        if (!version.atLeast(minor)) {
            return known;
        }
        Set<String> all = new HashSet<>(known);
        all.addAll(List.of(added));
        return all;
    }

    /** Nova's server description (2.19): null, or at most 255 printable characters. */
    static String description(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().length() > 255) {
            throw invalid("description", n, "is not a string of at most 255 characters");
        }
        if (n.asText().chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
            throw invalid("description", n, "is not a valid description (no control characters)");
        }
        return n.asText();
    }

    /**
     * 2.63's {@code trusted_image_certificates} (Nova's schema: null, or 1-50 distinct non-empty strings): a list is
     * refused, as Strato's hosts verify no image signatures (Nova without such hosts ends the build in error).
     */
    static void trustedCertificates(JsonNode n) {
        if (n == null || n.isNull()) {
            return;
        }
        if (!n.isArray() || n.isEmpty() || n.size() > 50) {
            throw invalid("trusted_image_certificates", n, "is not a list of 1 to 50 certificate IDs or null");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode c : n) {
            if (!c.isTextual() || c.asText().isEmpty() || !seen.add(c.asText())) {
                throw invalid("trusted_image_certificates", n, "is not a list of distinct non-empty strings");
            }
        }
        throw new InvalidInput("Image signature certificate validation is not supported: this cloud's hosts do not"
                + " verify image signatures, so trusted_image_certificates cannot be honoured.");
    }

    /** Nova's {@code parameter_types.fqdn}: 1-255 characters of letters, digits, {@code -._}; absent or null: null. */
    static String fqdn(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().isEmpty() || n.asText().length() > 255 || !n.asText().matches("[a-zA-Z0-9-._]*")) {
            throw invalid(field, n, "is not a valid host name: 1 to 255 letters, digits, '-', '.' or '_'");
        }
        return n.asText();
    }

    /**
     * 2.90's {@code hostname}: Nova's {@code parameter_types.hostname} (2-63 letters, digits and inner hyphens),
     * from 2.94 an FQDN ({@code parameter_types.fqdn}); absent: null.
     */
    static String hostname(JsonNode n, Microversion version) {
        if (n == null) {
            return null;
        }
        if (version.atLeast(94)) {
            String h = fqdn(n, "hostname");
            if (h == null) {
                throw invalid("hostname", n, "None is not of type 'string'");
            }
            return h;
        }
        if (!n.isTextual() || !n.asText().matches("[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+") || n.asText().length() > 63) {
            throw invalid("hostname", n, "does not match '^[a-zA-Z0-9]+[a-zA-Z0-9-]*[a-zA-Z0-9]+$' (2 to 63 characters)");
        }
        return n.asText();
    }

    /** Nova's "additionalProperties: false" on the server object. */
    static void onlyKnown(JsonNode server, Set<String> known) {
        for (Iterator<String> it = server.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                throw new InvalidInput("Invalid input for field/attribute server. Additional properties are not allowed ('"
                        + k + "' was unexpected)");
            }
        }
    }

    private static boolean nonEmpty(JsonNode n) {
        return n != null && !n.isNull() && !(n.isArray() && n.isEmpty());
    }

    static String name(JsonNode n) {
        if (n == null || n.isNull()) {
            throw new InvalidInput("Invalid input for field/attribute name. Value: None. 'name' is a required property");
        }
        if (!n.isTextual()) {
            throw invalid("name", n, "is not of type 'string'");
        }
        String v = n.asText();
        if (v.isEmpty() || v.length() > 255) {
            throw invalid("name", n, v.isEmpty() ? "is too short" : "is too long");
        }
        if (!v.equals(v.strip())) {
            throw invalid("name", n, "has leading or trailing whitespace");
        }
        return v;
    }

    static UUID imageRef(JsonNode n) {
        if (n == null || n.isNull() || !n.isTextual() || n.asText().isBlank()) {
            throw new InvalidInput("Invalid imageRef provided.");
        }
        String ref = n.asText().replaceAll("/+$", "");
        String id = ref.substring(ref.lastIndexOf('/') + 1);
        return Ids.parse(id).orElseThrow(() -> new InvalidInput("Invalid imageRef provided."));
    }

    private static String flavorRef(JsonNode n) {
        if (n == null || n.isNull()) {
            throw new InvalidInput("Invalid input for field/attribute flavorRef. Value: None. 'flavorRef' is a required property");
        }
        if (!(n.isTextual() || n.isIntegralNumber()) || n.asText().isBlank()) {
            throw invalid("flavorRef", n, "is not a valid flavor reference");
        }
        return n.asText();
    }

    private static int count(JsonNode s, String key) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return 1;
        }
        int v;
        if (n.isIntegralNumber()) {
            v = n.asInt();
        } else if (n.isTextual() && n.asText().matches("\\d{1,9}")) {
            v = Integer.parseInt(n.asText());
        } else {
            throw invalid(key, n, "is not of type 'integer', 'string'");
        }
        if (v < 1) {
            throw invalid(key, n, "is less than the minimum of 1");
        }
        return v;
    }

    /** null means "auto" (Nova 2.1 with no networks); an empty list would mean "none". */
    static List<Server.RequestedNetwork> networks(JsonNode n, Microversion version) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isTextual() && version.atLeast(37) && ("auto".equals(n.asText()) || "none".equals(n.asText()))) {
            return "none".equals(n.asText()) ? List.of() : null;
        }
        if (!n.isArray()) {
            throw invalid("networks", n, version.atLeast(37) ? "is not valid under any of the given schemas ('auto', 'none' or a list)"
                    : "is not of type 'array'");
        }
        // tag on a network is Nova's 2.32-2.36 and 2.42+; Strato's agents tag no devices (see Microversions)
        boolean tagged = (version.atLeast(32) && !version.atLeast(37)) || version.atLeast(42);
        Set<String> entryKeys = tagged ? Set.of("uuid", "port", "fixed_ip", "tag") : Set.of("uuid", "port", "fixed_ip");
        if (n.isEmpty()) {
            return null;
        }
        List<Server.RequestedNetwork> out = new ArrayList<>();
        Set<UUID> ports = new HashSet<>();
        for (JsonNode e : n) {
            if (!e.isObject()) {
                throw invalid("networks", n, "entries must be objects");
            }
            BodyFields.onlyKnown(e, entryKeys);
            if (e.has("tag")) {
                throw new InvalidInput("Tagged network interfaces are not supported: Strato's compute hosts expose no "
                        + "device tags to guests.");
            }
            UUID port = uuid(e.get("port"), "Bad networks format: port uuid is not in proper format (%s)");
            UUID net = uuid(e.get("uuid"), "Bad networks format: network uuid is not in proper format (%s)");
            String fixed = e.hasNonNull("fixed_ip") ? e.get("fixed_ip").asText() : null;
            if (fixed != null && !IpAddresses.valid(fixed)) {
                throw new InvalidInput("Invalid fixed IP address (" + fixed + ")");
            }
            if (port == null && net == null) {
                throw new InvalidInput("Bad network format: missing 'uuid'");
            }
            if (port != null && !ports.add(port)) {
                throw new InvalidInput("Port " + port + " is requested more than once.");
            }
            out.add(port != null ? new Server.RequestedNetwork(null, port, null)
                    : new Server.RequestedNetwork(net, null, fixed));
        }
        return out;
    }

    private static UUID uuid(JsonNode n, String message) {
        if (n == null || n.isNull()) {
            return null;
        }
        return Ids.parse(n.asText()).orElseThrow(() -> new InvalidInput(message.formatted(n.asText())));
    }

    private static List<String> securityGroups(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw invalid("security_groups", n, "is not of type 'array'");
        }
        for (JsonNode g : n) {
            JsonNode name = g.get("name");
            if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 255) {
                throw invalid("security_groups", n, "each entry needs a 'name'");
            }
            if (!out.contains(name.asText())) {
                out.add(name.asText());
            }
        }
        return out;
    }

    static String userData(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        String v = n.asText();
        if (!n.isTextual() || v.length() > MAX_USER_DATA) {
            throw new InvalidInput("User data needs to be valid base 64.");
        }
        try {
            Base64.getMimeDecoder().decode(v);
            if (!v.replaceAll("\\s", "").matches("[A-Za-z0-9+/]*={0,2}")) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("User data needs to be valid base 64.");
        }
        return v;
    }

    /** Nova's metadata (absent: none); how many items the project may have is checked when the server is stored. */
    static Map<String, String> metadata(JsonNode n) {
        return n == null || n.isNull() ? new LinkedHashMap<>() : BodyFields.metadata(n, "metadata");
    }

    static String optionalString(JsonNode s, String key, int max) {
        JsonNode n = s.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().length() > max) {
            throw invalid(key, n, "is not a string of at most " + max + " characters");
        }
        return n.asText();
    }

    static String diskConfig(JsonNode n) {
        if (n == null || n.isNull()) {
            return "MANUAL";
        }
        if (!"AUTO".equals(n.asText()) && !"MANUAL".equals(n.asText())) {
            throw invalid("OS-DCF:diskConfig", n, "is not one of ['AUTO', 'MANUAL']");
        }
        return n.asText();
    }

    private static String configDrive(JsonNode n) {
        if (n == null || n.isNull() || "false".equalsIgnoreCase(n.asText()) || n.asText().isEmpty()) {
            return "";
        }
        return "True";
    }

    static String ip(JsonNode n, String field, boolean v6) {
        if (n == null || n.isNull() || n.asText().isEmpty()) {
            return null;
        }
        String v = n.asText();
        if (!IpAddresses.valid(v) || v.contains(":") != v6) {
            throw invalid(field, n, "is not a '" + (v6 ? "ipv6" : "ipv4") + "'");
        }
        return IpAddresses.canonical(v);
    }

    private static boolean bool(JsonNode n) {
        return n != null && (n.isBoolean() ? n.booleanValue() : Booleans.isTrue(n.asText()));
    }

    private static UUID group(JsonNode body) {
        JsonNode hints = body.has("os:scheduler_hints") ? body.get("os:scheduler_hints") : body.get("OS-SCH-HNT:scheduler_hints");
        if (hints == null || hints.isNull() || !hints.has("group")) {
            return null;
        }
        JsonNode g = hints.get("group");
        if (g.isArray() && g.size() == 1) {
            g = g.get(0);
        }
        JsonNode group = g;
        return Ids.parse(group.asText()).orElseThrow(() -> invalid("group", group, "is not a 'uuid'"));
    }

    static InvalidInput invalid(String field, JsonNode value, String why) {
        String v = value == null ? "None" : value.toString();
        if (v.length() > 80) {
            v = v.substring(0, 80) + "...";
        }
        return new InvalidInput("Invalid input for field/attribute " + field + ". Value: " + v + ". " + v + " " + why);
    }
}
