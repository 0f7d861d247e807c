package io.strato.compute.keypairs;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nova's JSON of a key pair: {@code type} from 2.2, the show-only fields as Nova has them. */
final class KeypairView {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private KeypairView() {
    }

    /** An item of the list ({@code {"keypair": {name, public_key, fingerprint}}}). */
    static Map<String, Object> brief(Keypair k) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", k.name);
        v.put("public_key", k.publicKey);
        v.put("fingerprint", k.fingerprint);
        return v;
    }

    /** The answer to a create: the brief view, the user and, for a generated pair, its private key. */
    static Map<String, Object> created(Keypair k, String privateKey) {
        Map<String, Object> v = brief(k);
        v.put("user_id", k.userId);
        if (privateKey != null) {
            v.put("private_key", privateKey);
        }
        return v;
    }

    static Map<String, Object> detail(Keypair k) {
        Map<String, Object> v = brief(k);
        v.put("user_id", k.userId);
        v.put("created_at", TIME.format(k.createdAt));
        v.put("updated_at", null);
        v.put("deleted_at", null);
        v.put("deleted", false);
        return v;
    }
}
