package io.strato.compute.keypairs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import io.strato.compute.api.Link;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Nova's JSON of a key pair ({@code type} from 2.2, absent before), the show-only fields as Nova has them. */
public final class KeypairView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private KeypairView() {
    }

    /** A key pair of the list. */
    @Schema(name = "KeypairBrief")
    public record Brief(@JsonProperty("name") String name, @JsonProperty("public_key") String publicKey,
                        @JsonProperty("fingerprint") String fingerprint,
                        @JsonProperty("type") @JsonInclude(JsonInclude.Include.NON_NULL) String type) {
    }

    /** The answer to a create: with the user and, for a generated pair, its private key (else the key is absent). */
    @Schema(name = "KeypairCreated")
    public record Created(
            @JsonProperty("name") String name,
            @JsonProperty("public_key") String publicKey,
            @JsonProperty("fingerprint") String fingerprint,
            @JsonProperty("user_id") String userId,
            @JsonProperty("private_key") @JsonInclude(JsonInclude.Include.NON_NULL) String privateKey,
            @JsonProperty("type") @JsonInclude(JsonInclude.Include.NON_NULL) String type) {
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
            @JsonProperty("deleted") boolean deleted,
            @JsonProperty("id") Long id,
            @JsonProperty("type") @JsonInclude(JsonInclude.Include.NON_NULL) String type) {
    }

    /** An entry of the list, {@code {"keypair": {...}}}. */
    @Schema(name = "KeypairListEntry")
    public record Entry(@JsonProperty("keypair") Brief keypair) {
    }

    @Schema(name = "KeypairMany")
    public record Many(@JsonProperty("keypairs") List<Entry> keypairs,
                       @JsonProperty("keypairs_links") @JsonInclude(JsonInclude.Include.NON_NULL) List<Link> links) {
    }

    @Schema(name = "KeypairOne")
    public record One(@JsonProperty("keypair") Detail keypair) {
    }

    @Schema(name = "KeypairCreatedOne")
    public record CreatedOne(@JsonProperty("keypair") Created keypair) {
    }

    /** @param typed whether the request is at 2.2 or later (the type shown) */
    static Brief brief(Keypair k, boolean typed) {
        return new Brief(k.name, k.publicKey, k.fingerprint, typed ? k.type : null);
    }

    static Created created(Keypair k, String privateKey, boolean typed) {
        return new Created(k.name, k.publicKey, k.fingerprint, k.userId, privateKey, typed ? k.type : null);
    }

    static Detail detail(Keypair k, boolean typed) {
        return new Detail(k.name, k.publicKey, k.fingerprint, k.userId, TIME.format(k.createdAt), null, null, false,
                k.number, typed ? k.type : null);
    }
}
