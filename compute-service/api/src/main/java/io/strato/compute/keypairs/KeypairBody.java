package io.strato.compute.keypairs;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /v2.1/os-keypairs}, {@code {"keypair": {"name", "public_key", "type", "user_id"}}}, as OpenAPI publishes
 * it. The values stay JSON so that {@link KeypairRequest} answers with Nova's schema messages; members Nova does
 * not know are kept for its {@code Additional properties are not allowed} 400.
 */
public record KeypairBody(
        @JsonProperty("keypair") KeypairAttributes keypair,
        @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {

    /** A key pair to import (with its public key) or to generate (without). */
    public record KeypairAttributes(
            @JsonProperty("name") @Schema(implementation = String.class, required = true) JsonNode name,
            @JsonProperty("public_key") @Schema(implementation = String.class) JsonNode publicKey,
            @JsonProperty("type") @Schema(implementation = String.class, enumeration = {"ssh", "x509"}) JsonNode type,
            @JsonProperty("user_id") @Schema(implementation = String.class) JsonNode userId,
            @JsonAnySetter @Schema(hidden = true) Map<String, JsonNode> others) {
    }
}
