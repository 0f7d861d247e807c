package io.strato.compute.keypairs;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A key pair Nova makes when a create has no public key (before 2.92), RSA 2048, with its private key as PEM
 * "RSA PRIVATE KEY" (PKCS#1, which ssh reads), written by BouncyCastle:
 * <ul>
 *   <li>type ssh: the public key as an OpenSSH line with the comment "Generated-by-Nova";</li>
 *   <li>type x509: a self-signed certificate (PEM) for the user in the project, as Nova's
 *       {@code crypto.generate_x509_cert}: subject {@code O=OpenStack, OU=NovaDev, CN=<project>-<user>-<time>}
 *       (project and user cut to 16 characters), valid for a year, signed SHA-256 with RSA.</li>
 * </ul>
 */
record GeneratedKeypair(String publicKey, String privateKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    static GeneratedKeypair rsa() {
        KeyPair pair = rsaPair();
        return new GeneratedKeypair(openSsh((RSAPublicKey) pair.getPublic()), pem(pair.getPrivate()));
    }

    static GeneratedKeypair x509(String userId, String projectId) {
        KeyPair pair = rsaPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        X500Name subject = new X500Name("C=US, ST=California, O=OpenStack, OU=NovaDev, CN="
                + cut(projectId) + "-" + cut(userId) + "-" + now.toString().replace(":", ""));
        try {
            X509CertificateHolder cert = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM).abs(),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365))), subject, pair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            return new GeneratedKeypair(pem(cert), pem(pair.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("the JDK cannot sign with SHA256withRSA", e);
        }
    }

    static String openSsh(RSAPublicKey key) {
        byte[] type = "ssh-rsa".getBytes(StandardCharsets.US_ASCII);
        byte[] e = key.getPublicExponent().toByteArray();
        byte[] n = key.getModulus().toByteArray();
        ByteBuffer blob = ByteBuffer.allocate(12 + type.length + e.length + n.length);
        blob.putInt(type.length).put(type).putInt(e.length).put(e).putInt(n.length).put(n);
        return "ssh-rsa " + Base64.getEncoder().encodeToString(blob.array()) + " Generated-by-Nova";
    }

    /** PEM of a private key (RSA: "RSA PRIVATE KEY", PKCS#1) or a certificate ("CERTIFICATE"). */
    static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            w.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static KeyPair rsaPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048, RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    private static String cut(String s) {
        return s.length() <= 16 ? s : s.substring(0, 16);
    }
}
