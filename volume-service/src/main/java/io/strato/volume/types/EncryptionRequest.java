package io.strato.volume.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /types/{id}/encryption} and {@code PUT .../encryption/{encryption_id}}: {@code {"encryption": {...}}}. */
public record EncryptionRequest(@JsonProperty("encryption") Fields encryption) {

    public record Fields(
            @JsonProperty("provider") JsonNode provider,
            @JsonProperty("cipher") JsonNode cipher,
            @JsonProperty("key_size") JsonNode keySize,
            @JsonProperty("control_location") JsonNode controlLocation) {
    }
}
