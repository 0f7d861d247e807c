package io.strato.identity.tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

/** Tokens signed with Bouncy Castle's P-256 are the ES256 JWS that jose4j (identity, every service) verifies. */
class Es256Test {

    private static EllipticCurveJsonWebKey key(String kid) throws Exception {
        EllipticCurveJsonWebKey k = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        k.setKeyId(kid);
        return k;
    }

    private static String claims() {
        JwtClaims c = new JwtClaims();
        c.setIssuer("strato-identity");
        c.setSubject("u1");
        c.setStringListClaim("roles", "member", "reader");
        return c.toJson();
    }

    @Test
    void aSignedTokenVerifiesWithJose4jAndTheJdkAndCarriesTheKeyId() throws Exception {
        EllipticCurveJsonWebKey k = key("k1");
        Es256 signer = new Es256(k);
        for (int i = 0; i < 50; i++) {
            String claims = claims().replace("u1", "u" + i);
            String token = signer.sign(claims);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
            jws.setCompactSerialization(token);
            jws.setKey(k.getPublicKey());
            assertTrue(jws.verifySignature(), token);
            assertEquals("k1", jws.getKeyIdHeaderValue());
            assertEquals(claims, jws.getPayload());

            String[] parts = token.split("\\.");
            byte[] sig = Base64.getUrlDecoder().decode(parts[2]);
            assertEquals(64, sig.length);
            Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format");
            jdk.initVerify(k.getPublicKey());
            jdk.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            assertTrue(jdk.verify(sig));
        }
    }

    @Test
    void anotherKeysSignatureOrAChangedPayloadDoesNotVerify() throws Exception {
        EllipticCurveJsonWebKey k = key("k1");
        String token = new Es256(key("k1")).sign(claims());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        jws.setKey(k.getPublicKey());
        assertFalse(jws.verifySignature());

        String good = new Es256(k).sign(claims());
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims().replace("u1", "u2").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        JsonWebSignature t = new JsonWebSignature();
        t.setCompactSerialization(tampered);
        t.setKey(k.getPublicKey());
        assertFalse(t.verifySignature());
    }

    @Test
    void theNonceIsRfc6979sSoTheSameClaimsSignAlikeAndOtherClaimsNot() throws Exception {
        Es256 signer = new Es256(key("k1"));
        assertEquals(signer.sign(claims()), signer.sign(claims()));
        assertNotEquals(signer.sign(claims()).split("\\.")[2], signer.sign(claims().replace("u1", "u2")).split("\\.")[2]);
    }

    @Test
    void aKeyWithoutItsPrivatePartCannotSign() throws Exception {
        EllipticCurveJsonWebKey k = key("k1");
        EllipticCurveJsonWebKey publicOnly = new EllipticCurveJsonWebKey(k.getECPublicKey());
        assertThrows(IllegalArgumentException.class, () -> new Es256(publicOnly));
    }
}
