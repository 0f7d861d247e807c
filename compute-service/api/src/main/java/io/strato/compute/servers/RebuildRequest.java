package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code rebuild} action's body at 2.1 (Nova's rebuild schema): imageRef required; name, adminPass,
 * metadata (replaces the server's), access addresses and disk config optional; later microversions' keys as
 * {@link #parse(JsonNode, io.strato.compute.api.Microversion)} says. {@code personality} (to 2.56) and
 * {@code preserve_ephemeral} are accepted and ignored (files are not injected; ephemeral disks are not kept).
 */
public record RebuildRequest(UUID imageId, String name, String adminPass, Map<String, String> metadata,
                             JsonNode accessIpv4, JsonNode accessIpv6, String diskConfig, JsonNode description,
                             Optional<String> keyName, Optional<String> userData, String hostname) {
    private static final Set<String> KNOWN = Set.of("imageRef", "name", "adminPass", "metadata", "accessIPv4",
            "accessIPv6", "OS-DCF:diskConfig", "preserve_ephemeral");

    public static RebuildRequest parse(JsonNode args) {
        return parse(args, io.strato.compute.api.Microversion.MIN);
    }

    /**
     * At the request's microversion: {@code description} from 2.19, {@code key_name} from 2.54 (null removes the
     * key), {@code user_data} from 2.57 (null removes it), {@code personality} (accepted and ignored) up to 2.56.
     */
    public static RebuildRequest parse(JsonNode args, io.strato.compute.api.Microversion version) {
        if (args == null || !args.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute rebuild. Value: " + args
                    + ". " + args + " is not of type 'object'");
        }
        Set<String> known = CreateRequest.since(KNOWN, version, 19, "description");
        known = CreateRequest.since(known, version, 54, "key_name");
        known = version.atLeast(57) ? CreateRequest.since(known, version, 57, "user_data")
                : CreateRequest.since(known, version, 1, "personality");
        known = CreateRequest.since(known, version, 63, "trusted_image_certificates");
        known = CreateRequest.since(known, version, 90, "hostname");
        CreateRequest.onlyKnown(args, known);
        CreateRequest.trustedCertificates(args.get("trusted_image_certificates"));
        if (!args.has("imageRef")) {
            throw new InvalidInput("Invalid input for field/attribute rebuild. Value: " + args
                    + ". 'imageRef' is a required property");
        }
        UUID image = CreateRequest.imageRef(args.get("imageRef"));
        String name = args.has("name") ? CreateRequest.name(args.get("name")) : null;
        Map<String, String> metadata = args.has("metadata") ? CreateRequest.metadata(args.get("metadata")) : null;
        String diskConfig = args.has("OS-DCF:diskConfig") ? CreateRequest.diskConfig(args.get("OS-DCF:diskConfig")) : null;
        RebuildRequest r = new RebuildRequest(image, name, CreateRequest.optionalString(args, "adminPass", 255), metadata,
                args.get("accessIPv4"), args.get("accessIPv6"), diskConfig, args.get("description"),
                args.has("key_name") ? Optional.ofNullable(keyName(args.get("key_name"))) : null,
                args.has("user_data") ? Optional.ofNullable(CreateRequest.userData(args.get("user_data"))) : null,
                CreateRequest.hostname(args.get("hostname"), version));
        r.applyTo(new Server()); // every field checked before the row is touched
        return r;
    }

    /** Nova's {@code name_or_none}: null, or 1-255 characters without leading or trailing spaces. */
    private static String keyName(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw CreateRequest.invalid("key_name", n, "is not of type 'string', 'null'");
        }
        String v = n.asText();
        if (v.isEmpty() || v.length() > 255 || !v.equals(v.strip())) {
            throw CreateRequest.invalid("key_name", n, "is not valid under any of the given schemas");
        }
        return v;
    }

    /** What a rebuild changes on the row besides the image (and the key, which {@link ServerRebuilds} looks up). */
    void applyTo(Server s) {
        s.imageId = imageId;
        if (name != null) {
            s.name = name;
        }
        if (metadata != null) {
            s.metadata = new java.util.HashMap<>(metadata);
        }
        if (accessIpv4 != null) {
            s.accessIpv4 = CreateRequest.ip(accessIpv4, "accessIPv4", false);
        }
        if (accessIpv6 != null) {
            s.accessIpv6 = CreateRequest.ip(accessIpv6, "accessIPv6", true);
        }
        if (diskConfig != null) {
            s.diskConfig = diskConfig;
        }
        if (description != null) {
            s.description = CreateRequest.description(description);
        }
        if (userData != null) {
            s.userData = userData.orElse(null);
        }
        if (hostname != null) {
            s.hostname = hostname;
        }
    }
}
