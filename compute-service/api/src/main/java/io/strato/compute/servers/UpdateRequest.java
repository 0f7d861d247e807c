package io.strato.compute.servers;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import java.util.Set;

/** {@code PUT /servers/{id}}: name, access addresses, disk config, (2.19) description and (2.90) hostname. */
public record UpdateRequest(JsonNode server, io.strato.compute.api.Microversion version) {
    private static final Set<String> KNOWN = Set.of("name", "accessIPv4", "accessIPv6", "OS-DCF:diskConfig");

    public static UpdateRequest parse(JsonNode body) {
        return parse(body, io.strato.compute.api.Microversion.MIN);
    }

    /** At the request's microversion: {@code description} from 2.19. */
    public static UpdateRequest parse(JsonNode body, io.strato.compute.api.Microversion version) {
        JsonNode s = body.get("server");
        if (s == null || !s.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute server. Value: None. 'server' is a required property");
        }
        CreateRequest.onlyKnown(s, CreateRequest.since(CreateRequest.since(KNOWN, version, 19, "description"),
                version, 90, "hostname"));
        UpdateRequest r = new UpdateRequest(s, version);
        r.applyTo(new Server()); // validate every field before the row is touched
        return r;
    }

    void applyTo(Server target) {
        if (server.has("name")) {
            target.name = CreateRequest.name(server.get("name"));
        }
        if (server.has("accessIPv4")) {
            target.accessIpv4 = CreateRequest.ip(server.get("accessIPv4"), "accessIPv4", false);
        }
        if (server.has("accessIPv6")) {
            target.accessIpv6 = CreateRequest.ip(server.get("accessIPv6"), "accessIPv6", true);
        }
        if (server.has("OS-DCF:diskConfig")) {
            target.diskConfig = CreateRequest.diskConfig(server.get("OS-DCF:diskConfig"));
        }
        if (server.has("description")) {
            target.description = CreateRequest.description(server.get("description"));
        }
        if (server.has("hostname")) { // 2.90 (2.94: an FQDN)
            target.hostname = CreateRequest.hostname(server.get("hostname"), version);
        }
    }
}
