package io.strato.compute.keypairs;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A key pair Nova makes when a create has no public key (before 2.92): RSA 2048, the public key as an OpenSSH
 * line with the comment "Generated-by-Nova", the private key as PEM "RSA PRIVATE KEY" (PKCS#1), which ssh reads.
 */
record GeneratedKeypair(String publicKey, String privateKey) {

    static GeneratedKeypair rsa() {
        KeyPair pair;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            pair = g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
        return new GeneratedKeypair(openSsh((RSAPublicKey) pair.getPublic()), pem((RSAPrivateCrtKey) pair.getPrivate()));
    }

    static String openSsh(RSAPublicKey key) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        sshString(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
        sshString(blob, key.getPublicExponent().toByteArray());
        sshString(blob, key.getModulus().toByteArray());
        return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " Generated-by-Nova";
    }

    /** PKCS#1 RSAPrivateKey: SEQUENCE { 0, n, e, d, p, q, d mod (p-1), d mod (q-1), q^-1 mod p }. */
    static String pem(RSAPrivateCrtKey k) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (BigInteger i : new BigInteger[]{BigInteger.ZERO, k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
                k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()}) {
            der(body, 0x02, i.toByteArray());
        }
        ByteArrayOutputStream seq = new ByteArrayOutputStream();
        der(seq, 0x30, body.toByteArray());
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(seq.toByteArray());
        return "-----BEGIN RSA PRIVATE KEY-----\n" + b64 + "\n-----END RSA PRIVATE KEY-----\n";
    }

    private static void sshString(ByteArrayOutputStream out, byte[] b) {
        out.write(b.length >>> 24);
        out.write(b.length >>> 16);
        out.write(b.length >>> 8);
        out.write(b.length);
        out.writeBytes(b);
    }

    private static void der(ByteArrayOutputStream out, int tag, byte[] content) {
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
    }
}
