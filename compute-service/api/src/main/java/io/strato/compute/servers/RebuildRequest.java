package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@code rebuild} action's body at 2.1 (Nova's rebuild schema): imageRef required; name, adminPass,
 * metadata (replaces the server's), access addresses and disk config optional. {@code personality} and
 * {@code preserve_ephemeral} are accepted and ignored (files are not injected; ephemeral disks are not kept).
 */
public record RebuildRequest(UUID imageId, String name, String adminPass, Map<String, String> metadata,
                             JsonNode accessIpv4, JsonNode accessIpv6, String diskConfig, JsonNode description) {
    private static final Set<String> KNOWN = Set.of("imageRef", "name", "adminPass", "metadata", "accessIPv4",
            "accessIPv6", "OS-DCF:diskConfig", "personality", "preserve_ephemeral");

    public static RebuildRequest parse(JsonNode args) {
        return parse(args, io.strato.compute.api.Microversion.MIN);
    }

    /** At the request's microversion: {@code description} from 2.19. */
    public static RebuildRequest parse(JsonNode args, io.strato.compute.api.Microversion version) {
        if (args == null || !args.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute rebuild. Value: " + args
                    + ". " + args + " is not of type 'object'");
        }
        CreateRequest.onlyKnown(args, CreateRequest.since(KNOWN, version, 19, "description"));
        if (!args.has("imageRef")) {
            throw new InvalidInput("Invalid input for field/attribute rebuild. Value: " + args
                    + ". 'imageRef' is a required property");
        }
        UUID image = CreateRequest.imageRef(args.get("imageRef"));
        String name = args.has("name") ? CreateRequest.name(args.get("name")) : null;
        Map<String, String> metadata = args.has("metadata") ? CreateRequest.metadata(args.get("metadata")) : null;
        String diskConfig = args.has("OS-DCF:diskConfig") ? CreateRequest.diskConfig(args.get("OS-DCF:diskConfig")) : null;
        RebuildRequest r = new RebuildRequest(image, name, CreateRequest.optionalString(args, "adminPass", 255), metadata,
                args.get("accessIPv4"), args.get("accessIPv6"), diskConfig, args.get("description"));
        r.applyTo(new Server()); // every field checked before the row is touched
        return r;
    }

    /** What a rebuild changes on the row besides the image. */
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
    }
}
