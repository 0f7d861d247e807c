package io.strato.kit.serviceauth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Neutron's metadata proxy signature, shared by the network agent's proxy (which signs) and compute's metadata
 * API (which checks): {@code X-Instance-ID-Signature} is the hex HMAC-SHA256 of the instance id with the secret
 * both are configured with ({@code metadata_proxy_shared_secret}).
 */
public final class ProxySignature {

    private ProxySignature() {
    }

    public static String sign(String secret, String instanceId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(instanceId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    /** Whether {@code signature} is the instance id's, compared in constant time. */
    public static boolean valid(String secret, String instanceId, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, instanceId).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
