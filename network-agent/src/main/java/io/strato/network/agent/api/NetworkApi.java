package io.strato.network.agent.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.strato.kit.serviceauth.BlockingServiceToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** network-service's API as the agent uses it: admin listings for the resync, and its DHCP ports. */
public final class NetworkApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final BlockingServiceToken token;
    private final HttpClient http;

    public NetworkApi(String baseUrl, BlockingServiceToken token, HttpClient http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
        this.http = http;
    }

    /** Every resource of a collection ({@code networks}, {@code ports}, {@code security-groups}...), following next links. */
    public List<JsonNode> list(String collection, String key) {
        List<JsonNode> out = new ArrayList<>();
        String url = baseUrl + "/v2.0/" + collection;
        while (url != null) {
            JsonNode page = send(HttpRequest.newBuilder(URI.create(url)).GET());
            page.path(key).forEach(out::add);
            url = null;
            for (JsonNode link : page.path(key + "_links")) {
                if ("next".equals(link.path("rel").asText())) {
                    url = link.path("href").asText();
                }
            }
        }
        return out;
    }

    /** Creates this host's DHCP port on a network, with an address on each DHCP subnet. */
    public JsonNode createDhcpPort(UUID networkId, List<UUID> subnets, String host) {
        ObjectNode port = JSON.createObjectNode();
        port.put("network_id", networkId.toString());
        port.put("name", "dhcp");
        port.put("device_owner", "network:dhcp");
        port.put("device_id", "dhcp-" + host + "-" + networkId);
        port.put("binding:host_id", host);
        var ips = port.putArray("fixed_ips");
        subnets.forEach(s -> ips.addObject().put("subnet_id", s.toString()));
        ObjectNode body = JSON.createObjectNode();
        body.set("port", port);
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/v2.0/ports"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))).path("port");
    }

    private JsonNode send(HttpRequest.Builder request) {
        request.timeout(TIMEOUT).header("Accept", "application/json");
        Optional<String> t = token.get();
        t.ifPresent(v -> request.header("X-Auth-Token", v));
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiUnavailable("network-service did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiUnavailable("interrupted", e);
        }
        if (response.statusCode() == 401) {
            token.invalidate();
        }
        if (response.statusCode() / 100 != 2) {
            throw new ApiUnavailable("network-service answered " + response.statusCode() + ": " + response.body(), null);
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiUnavailable("network-service answered unreadable JSON", e);
        }
    }

    /** network-service could not be read (down, refusing the token, an error). */
    public static final class ApiUnavailable extends RuntimeException {
        public ApiUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
