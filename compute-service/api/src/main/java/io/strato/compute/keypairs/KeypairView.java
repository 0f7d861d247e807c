package io.strato.compute.keypairs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's JSON of a key pair at 2.1 ({@code type} is 2.2), the show-only fields as Nova has them. */
public final class KeypairView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private KeypairView() {
    }

    /** A key pair of the list. */
    @Schema(name = "KeypairBrief")
    public record Brief(@JsonProperty("name") String name, @JsonProperty("public_key") String publicKey,
                        @JsonProperty("fingerprint") String fingerprint) {
    }

    /** The answer to a create: with the user and, for a generated pair, its private key (else the key is absent). */
    @Schema(name = "KeypairCreated")
    public record Created(
            @JsonProperty("name") String name,
            @JsonProperty("public_key") String publicKey,
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("user_id") String userId,
            @JsonProperty("private_key") @JsonInclude(JsonInclude.Include.NON_NULL) String privateKey) {
    }

    /** A key pair shown alone: Nova's soft-delete columns are there, never set. */
    @Schema(name = "Keypair")
    public record Detail(
            @JsonProperty("name") String name,
            @JsonProperty("public_key") String publicKey,
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("user_id") String userId,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("deleted_at") String deletedAt,
            @JsonProperty("deleted") boolean deleted) {
    }

    /** An entry of the list, {@code {"keypair": {...}}}. */
    @Schema(name = "KeypairListEntry")
    public record Entry(@JsonProperty("keypair") Brief keypair) {
    }

    @Schema(name = "KeypairMany")
    public record Many(@JsonProperty("keypairs") List<Entry> keypairs) {
    }

    @Schema(name = "KeypairOne")
    public record One(@JsonProperty("keypair") Detail keypair) {
    }

    @Schema(name = "KeypairCreatedOne")
    public record CreatedOne(@JsonProperty("keypair") Created keypair) {
    }

    static Brief brief(Keypair k) {
        return new Brief(k.name, k.publicKey, k.fingerprint);
    }

    static Created created(Keypair k, String privateKey) {
        return new Created(k.name, k.publicKey, k.fingerprint, k.userId, privateKey);
    }

    static Detail detail(Keypair k) {
        return new Detail(k.name, k.publicKey, k.fingerprint, k.userId, TIME.format(k.createdAt), null, null, false);
    }
}
