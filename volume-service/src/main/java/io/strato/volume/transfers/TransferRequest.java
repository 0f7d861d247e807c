package io.strato.volume.transfers;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.strato.kit.faults.InvalidInput;
import io.strato.volume.volumes.VolumeRequest;
import java.util.UUID;

/**
 * Bodies of the transfer requests as bound (typed, so /q/openapi describes them), and Cinder's checks of them
 * (cinder/api/schemas/volume_transfer.py). Fields stay {@link JsonNode} so a wrong type is Cinder's 400, not Jackson's.
 */
public final class TransferRequest {
    private TransferRequest() {
    }

    /** {@code POST /os-volume-transfer}: {@code {"transfer": {"volume_id", "name"?}}}. */
    public record CreateBody(@JsonProperty("transfer") CreateFields transfer) {
    }

    public record CreateFields(@JsonProperty("volume_id") JsonNode volumeId, @JsonProperty("name") JsonNode name) {
    }

    /** {@code POST /os-volume-transfer/{id}/accept}: {@code {"accept": {"auth_key"}}}. */
    public record AcceptBody(@JsonProperty("accept") AcceptFields accept) {
    }

    public record AcceptFields(@JsonProperty("auth_key") JsonNode authKey) {
    }

    /** A create's checked fields: the volume, and the name stripped (null when not given). */
    record Create(UUID volumeId, String name) {
        static Create of(CreateFields f) {
            if (f.volumeId() == null || f.volumeId().isNull()) {
                throw new InvalidInput("Invalid input for field/attribute transfer: 'volume_id' is a required property.");
            }
            if (!f.volumeId().isTextual()) {
                throw new InvalidInput("Invalid input for field/attribute volume_id: it must be a UUID string.");
            }
            return new Create(VolumeRequest.uuid(f.volumeId(), "volume_id"), name(f.name()));
        }

        /** Cinder's name_skip_leading_trailing_spaces: null, or a string of 1 to 255 characters once stripped. */
        private static String name(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (!n.isTextual()) {
                throw new InvalidInput("Invalid input for field/attribute name: it must be a string or null.");
            }
            String stripped = n.asText().strip();
            if (n.asText().isEmpty()) {
                throw new InvalidInput("Invalid input for field/attribute name: The 'name' can not be None.");
            }
            if (stripped.isEmpty()) {
                throw new InvalidInput("Invalid input for field/attribute name: The 'name' can not be empty.");
            }
            if (stripped.length() > 255) {
                throw new InvalidInput("Invalid input for field/attribute name: The 'name' can not be greater than 255 characters.");
            }
            return stripped;
        }
    }

    /** The auth key of an accept: a string, or an integer as Cinder's schema allows (compared as its digits). */
    static String authKey(AcceptFields f) {
        JsonNode k = f.authKey();
        if (k == null || k.isNull()) {
            throw new InvalidInput("Invalid input for field/attribute accept: 'auth_key' is a required property.");
        }
        if (!k.isTextual() && !k.isIntegralNumber()) {
            throw new InvalidInput("Invalid input for field/attribute auth_key: it must be a string or an integer.");
        }
        return k.asText();
    }
}
