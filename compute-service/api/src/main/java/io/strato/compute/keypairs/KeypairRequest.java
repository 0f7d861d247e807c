package io.strato.compute.keypairs;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import java.util.Set;

/**
 * The body of {@code POST /os-keypairs} at 2.1: a name and an optional ssh public key (none: Nova generates the
 * pair).
 */
record KeypairRequest(String name, String publicKey) {

    static KeypairRequest parse(JsonNode body) {
        BodyFields.onlyKnown(body, Set.of("keypair"));
        JsonNode k = BodyFields.object(body, "keypair");
        BodyFields.onlyKnown(k, Set.of("name", "public_key"));
        String name = name(BodyFields.name(k, "name", 255, true));
        JsonNode pk = k.get("public_key");
        if (pk != null && !pk.isTextual()) {
            throw BodyFields.invalid("public_key", pk, pk + " is not of type 'string'");
        }
        return new KeypairRequest(name, pk == null ? null : pk.asText());
    }

    /** Nova's rule before 2.92: letters, digits, '_', '-' and spaces only. */
    static String name(String name) {
        for (char c : name.toCharArray()) {
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == ' ';
            if (!safe) {
                throw new InvalidInput("Keypair data is invalid: Keypair name contains unsafe characters");
            }
        }
        return name;
    }
}
