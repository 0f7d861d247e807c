package io.strato.compute.keypairs;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import java.util.HashSet;
import java.util.Set;

/**
 * The body of {@code POST /os-keypairs}: a name, an optional public key (none: Nova generates the pair), the
 * type (2.2+: ssh or x509) and, for admins, the user it is for (2.10+).
 */
record KeypairRequest(String name, String publicKey, String type, String userId) {

    static KeypairRequest parse(JsonNode body, int minor) {
        BodyFields.onlyKnown(body, Set.of("keypair"));
        JsonNode k = BodyFields.object(body, "keypair");
        Set<String> allowed = new HashSet<>(Set.of("name", "public_key"));
        if (minor >= 2) {
            allowed.add("type");
        }
        if (minor >= 10) {
            allowed.add("user_id");
        }
        BodyFields.onlyKnown(k, allowed);
        String name = name(BodyFields.name(k, "name", 255, true));
        JsonNode pk = k.get("public_key");
        if (pk != null && !pk.isTextual()) {
            throw BodyFields.invalid("public_key", pk, pk + " is not of type 'string'");
        }
        JsonNode t = k.get("type");
        String type = t == null ? "ssh" : t.asText();
        if (t != null && (!t.isTextual() || !Set.of("ssh", "x509").contains(type))) {
            throw BodyFields.invalid("type", t, t + " is not one of ['ssh', 'x509']");
        }
        String userId = BodyFields.name(k, "user_id", 255, false);
        return new KeypairRequest(name, pk == null ? null : pk.asText(), type, userId);
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
