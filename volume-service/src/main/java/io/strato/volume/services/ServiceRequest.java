package io.strato.volume.services;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code PUT /os-services/{action}}: {@code {"host", "binary", "disabled_reason"}} ({@code service} is Cinder's old name of binary). */
public record ServiceRequest(
        @JsonProperty("host") JsonNode host,
        @JsonProperty("binary") JsonNode binary,
        @JsonProperty("service") JsonNode service,
        @JsonProperty("disabled_reason") JsonNode disabledReason) {

    String hostName() {
        return text(host);
    }

    String binaryName() {
        return binary != null && !binary.isNull() ? text(binary) : text(service);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
