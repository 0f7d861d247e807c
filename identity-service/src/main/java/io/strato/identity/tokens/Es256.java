package io.strato.identity.tokens;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;

/**
 * Signs a token as the kit's {@code TokenSigner.es256} does (the same compact JWS: header {@code {"kid","alg":"ES256"}},
 * the claims, the P-256 signature as r||s), with Bouncy Castle's P-256 arithmetic instead of the JDK's.
 *
 * <p>Why: signing was 71 % of identity's CPU samples in token issue once the database reads were gone
 * (docs/benchmarks.md). The JDK 17 ECDSA multiplies the curve's base point with a generic window method, and the
 * services run C1 only ({@code -XX:TieredStopAtLevel=1}); Bouncy Castle's SecP256R1 curve uses a precomputed
 * fixed-point comb for the base point: 0.2-0.35 ms a signature against 1.3-1.7 ms with the same JVM flags. The
 * nonce is RFC 6979's (deterministic from key and digest), so no random source is shared between threads.
 * Verification (here and in every service) is unchanged: these are ordinary ES256 signatures.
 */
final class Es256 {
    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(P256.getCurve(), P256.getG(), P256.getN(), P256.getH());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final EllipticCurveJsonWebKey key;
    private final ECPrivateKeyParameters privateKey;
    /** The encoded header and its dot. */
    private final String headerDot;

    Es256(EllipticCurveJsonWebKey key) {
        if (key.getEcPrivateKey() == null || !"P-256".equals(key.getCurveName())) {
            throw new IllegalArgumentException("an ES256 signing key needs a P-256 private key");
        }
        this.key = key;
        this.privateKey = new ECPrivateKeyParameters(key.getEcPrivateKey().getS(), DOMAIN);
        // the header as jose4j writes it (kid first), so tokens look as before
        String header = "{\"kid\":\"" + key.getKeyId() + "\",\"alg\":\"ES256\"}";
        this.headerDot = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** Whether this signer signs with {@code other} (the current key). */
    boolean isFor(EllipticCurveJsonWebKey other) {
        return key == other;
    }

    /** The compact JWS of the claims JSON. */
    String sign(String claimsJson) {
        String signingInput = headerDot + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        SHA256Digest sha = new SHA256Digest();
        sha.update(input, 0, input.length);
        byte[] digest = new byte[32];
        sha.doFinal(digest, 0);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(digest);
        byte[] sig = new byte[64];
        put(rs[0], sig, 0);
        put(rs[1], sig, 32);
        return signingInput + "." + B64.encodeToString(sig);
    }

    /** {@code v} as 32 big-endian bytes at {@code offset}. */
    private static void put(BigInteger v, byte[] out, int offset) {
        byte[] b = v.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, offset + 32 - len, len);
    }
}
