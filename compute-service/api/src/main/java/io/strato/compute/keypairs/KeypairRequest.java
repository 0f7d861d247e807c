package io.strato.compute.keypairs;

import com.fasterxml.jackson.databind.JsonNode;
import io.strato.compute.api.Microversion;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.faults.InvalidInput;
import java.util.HashSet;
import java.util.Set;

/**
 * The body of {@code POST /os-keypairs} as Nova's schemas for the request's microversion read it: a name and a
 * public key (optional before 2.92: none means Nova generates the pair), the type (2.2: ssh or x509) and, for
 * admins, the user the pair is for (2.10).
 */
record KeypairRequest(String name, String publicKey, String type, String userId) {

    static KeypairRequest parse(JsonNode body, Microversion version) {
        BodyFields.onlyKnown(body, Set.of("keypair"));
        JsonNode k = BodyFields.object(body, "keypair");
        Set<String> allowed = new HashSet<>(Set.of("name", "public_key"));
        if (version.atLeast(2)) {
            allowed.add("type");
        }
        if (version.atLeast(10)) {
            allowed.add("user_id");
        }
        BodyFields.onlyKnown(k, allowed);
        String name = name(BodyFields.name(k, "name", 255, true), version.atLeast(92));
        JsonNode pk = k.get("public_key");
        if (pk == null && version.atLeast(92)) {
            throw new InvalidInput("Invalid input for field/attribute keypair. Value: " + k + ". 'public_key' is a required property");
        }
        if (pk != null && !pk.isTextual()) {
            throw BodyFields.invalid("public_key", pk, pk + " is not of type 'string'");
        }
        JsonNode t = k.get("type");
        if (t != null && !(t.isTextual() && Set.of("ssh", "x509").contains(t.asText()))) {
            throw BodyFields.invalid("type", t, t + " is not one of ['ssh', 'x509']");
        }
        JsonNode u = k.get("user_id");
        if (u != null && !u.isTextual()) {
            throw BodyFields.invalid("user_id", u, u + " is not of type 'string'");
        }
        return new KeypairRequest(name, pk == null ? null : pk.asText(), t == null ? "ssh" : t.asText(),
                u == null || u.asText().isEmpty() ? null : u.asText());
    }

    /** Nova's names: letters, digits, '_', '-' and spaces; from 2.92 also '@' and '.'. */
    static String name(String name, boolean v292) {
        for (char c : name.toCharArray()) {
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == ' ' || (v292 && (c == '@' || c == '.'));
            if (!safe) {
                throw new InvalidInput("Keypair data is invalid: Keypair name contains unsafe characters");
            }
        }
        return name;
    }
}
