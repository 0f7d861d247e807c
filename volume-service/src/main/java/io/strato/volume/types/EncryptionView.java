package io.strato.volume.types;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** A type's encryption specs in Cinder's JSON: the show (with Cinder's soft-delete keys) and the create/update answers. */
public record EncryptionView(
        @JsonProperty("volume_type_id") String volumeTypeId,
        @JsonProperty("encryption_id") String encryptionId,
        @JsonProperty("key_size") Integer keySize,
        String provider,
        @JsonProperty("control_location") String controlLocation,
        String cipher,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deleted,
        @JsonProperty("created_at") @JsonInclude(JsonInclude.Include.NON_NULL) String createdAt,
        @JsonProperty("updated_at") @JsonInclude(JsonInclude.Include.NON_NULL) java.util.Optional<String> updatedAt,
        @JsonProperty("deleted_at") @JsonInclude(JsonInclude.Include.NON_NULL) java.util.Optional<String> deletedAt) {

    /** {@code {"encryption": {...}}}. */
    public record One(EncryptionView encryption) {
    }

    static EncryptionView shown(EncryptionType e) {
        return new EncryptionView(e.volumeTypeId.toString(), e.id.toString(), e.keySize, e.provider, e.controlLocation,
                e.cipher, false, e.createdAt.toString(),
                java.util.Optional.ofNullable(e.updatedAt == null ? null : e.updatedAt.toString()), java.util.Optional.empty());
    }

    static EncryptionView written(EncryptionType e) {
        return new EncryptionView(e.volumeTypeId.toString(), e.id.toString(), e.keySize, e.provider, e.controlLocation,
                e.cipher, null, null, null, null);
    }

    /** The specs as one map, for {@code GET .../encryption/{key}}. */
    static Map<String, Object> items(EncryptionType e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("volume_type_id", e.volumeTypeId.toString());
        m.put("encryption_id", e.id.toString());
        m.put("provider", e.provider);
        m.put("cipher", e.cipher);
        m.put("key_size", e.keySize);
        m.put("control_location", e.controlLocation);
        return m;
    }
}
