package io.strato.compute.keypairs;

import io.strato.kit.faults.InvalidInput;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * An OpenSSH public key line ({@code <type> <base64 blob> [comment]}), checked as Nova checks an imported key
 * (pyca/cryptography's {@code load_ssh_public_key}: the blob must decode to a key of the named type) and
 * fingerprinted as Nova does: the MD5 of the decoded blob in colon-separated hex.
 * Types: ssh-rsa, ssh-dss, ecdsa-sha2-nistp256/384/521 and ssh-ed25519.
 */
public record SshPublicKey(String type, byte[] blob) {
    static final String INVALID = "Keypair data is invalid: failed to generate fingerprint";
    private static final Map<String, String> CURVES = Map.of(
            "ecdsa-sha2-nistp256", "secp256r1", "ecdsa-sha2-nistp384", "secp384r1", "ecdsa-sha2-nistp521", "secp521r1");

    /** Parses and validates a public key line; 400 "Keypair data is invalid: ..." when it is not one. */
    public static SshPublicKey parse(String line) {
        if (line == null) {
            throw new InvalidInput(INVALID);
        }
        String[] parts = line.strip().split("\\s+", 3);
        if (parts.length < 2) {
            throw new InvalidInput(INVALID);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(INVALID);
        }
        try {
            check(parts[0], blob);
        } catch (RuntimeException | GeneralSecurityException e) {
            throw new InvalidInput(INVALID);
        }
        return new SshPublicKey(parts[0], blob);
    }

    /** Nova's fingerprint: MD5 of the key blob as {@code aa:bb:...}. */
    public String fingerprint() {
        return fingerprint(blob);
    }

    static String fingerprint(byte[] blob) {
        try {
            return HexFormat.ofDelimiter(":").formatHex(MessageDigest.getInstance("MD5").digest(blob));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }

    private static void check(String type, byte[] blob) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(blob);
        if (!type.equals(string(in))) {
            throw new GeneralSecurityException("the blob is of another key type");
        }
        switch (type) {
            case "ssh-rsa" -> {
                BigInteger e = mpint(in);
                BigInteger n = mpint(in);
                if (e.signum() <= 0 || n.signum() <= 0 || n.bitLength() < 512) {
                    throw new GeneralSecurityException("not an RSA key");
                }
                KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            }
            case "ssh-dss" -> {
                for (int i = 0; i < 4; i++) {
                    if (mpint(in).signum() <= 0) {
                        throw new GeneralSecurityException("not a DSA key");
                    }
                }
            }
            case "ssh-ed25519" -> {
                if (bytes(in).length != 32) {
                    throw new GeneralSecurityException("an Ed25519 key has 32 bytes");
                }
            }
            default -> {
                String curve = CURVES.get(type);
                if (curve == null) {
                    throw new GeneralSecurityException("unsupported key type " + type);
                }
                if (!type.endsWith(string(in))) {
                    throw new GeneralSecurityException("curve name does not match the key type");
                }
                ecPoint(curve, bytes(in));
            }
        }
        if (in.hasRemaining()) {
            throw new GeneralSecurityException("trailing bytes after the key");
        }
    }

    /** An uncompressed point ({@code 04 || X || Y}) that lies on the named curve. */
    private static void ecPoint(String curve, byte[] q) throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        EllipticCurve c = spec.getCurve();
        BigInteger p = ((ECFieldFp) c.getField()).getP();
        int size = (p.bitLength() + 7) / 8;
        if (q.length != 1 + 2 * size || q[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed point of " + curve);
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(q, 1, 1 + size));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(q, 1 + size, q.length));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0
                || !y.pow(2).mod(p).equals(x.pow(3).add(c.getA().multiply(x)).add(c.getB()).mod(p))) {
            throw new GeneralSecurityException("the point is not on " + curve);
        }
        KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }

    private static byte[] bytes(ByteBuffer in) throws GeneralSecurityException {
        if (in.remaining() < 4) {
            throw new GeneralSecurityException("truncated");
        }
        int n = in.getInt();
        if (n < 0 || n > in.remaining()) {
            throw new GeneralSecurityException("truncated");
        }
        byte[] out = new byte[n];
        in.get(out);
        return out;
    }

    private static String string(ByteBuffer in) throws GeneralSecurityException {
        return new String(bytes(in), StandardCharsets.US_ASCII);
    }

    private static BigInteger mpint(ByteBuffer in) throws GeneralSecurityException {
        byte[] b = bytes(in);
        return b.length == 0 ? BigInteger.ZERO : new BigInteger(b);
    }
}
