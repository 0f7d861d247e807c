package io.strato.kit.auth;

import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Strato's token format on the wire: the claims as an ES256 compact JWS whose {@code kid} names the signing key,
 * which the services' quarkus-oidc resolves from identity's JWKS. Identity signs its tokens with it, and the test
 * identity of kit-testing signs its tokens the same way.
 */
public final class TokenSigner {
    private TokenSigner() {
    }

    /** The compact serialization of {@code claims} signed with {@code key} (P-256). */
    public static String es256(JwtClaims claims, EllipticCurveJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token with key " + key.getKeyId(), e);
        }
    }
}
