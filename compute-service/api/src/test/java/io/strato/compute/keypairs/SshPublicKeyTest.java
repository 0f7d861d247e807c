package io.strato.compute.keypairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.kit.faults.InvalidInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Fingerprints as Nova (and {@code ssh-keygen -l -E md5}) compute them, and keys Nova would refuse. */
class SshPublicKeyTest {
    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQD4VJ7XfH6MR30ZClWKsyYiJ/UbjrsCzwYeqsUFow2/SOxWmaxmTbKuok5i26pCbAooKXu+gXu8pfIdXjGAofHYuKZiMJ9DMJUHkG5F1cSheqA9rf0LgHBuVJbHfj/4+Cv0oHB/yaRu45dsKGVk5koMyx6KJbvON+zswmy7d456ivvdm1rGoyxKkR4Dp1TobzhV9ZJgCgFpwgIGLD8SyQ9xX8fqvApBdb4zP05fQh17mhNo9vuqe/nqfgSGyDzGrMzOt+s+RISUV7HdBg+Jcvcl0G+q2AuUF9CLvp4Auqf3UJMYUYHxWqestsPDPfROnt5O4koXE1w1cWpr4xX0rLdb test@strato";
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPuVdmyeLM2QnoKpnyKFWUTxEbuL4ktRl7rfuRa3VKqS test@strato\n";
    static final String ECDSA256 = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBC7pQthbZDPnpWtkWIlsGMXEQLlIpb5Uuct/2OVm3k7qrwkaTJ6ilkYnruhHyBPmABCkH+2CMNXCbAngfpou3pU= test@strato";
    static final String ECDSA521 = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAHYXPNs6wfhUzN4llaAyezFDx/NzaU+fLMAFonOQDp9KcEt8KU0Yb5xBQnx3uuyvKOZ+cWMqm5t5pl9ypysvnIMQwAS0NVIUkD8qEV2mCmeYBMGtcj19qaaIQq6PaO25AzrgAv6GTOSn1b79bfvpspt9eywHLtyHuSJpUqErQzpWe9v6Q== test@strato";

    @Test
    void fingerprintsAreMd5OfTheKeyBlob() {
        // expected values from `ssh-keygen -l -E md5 -f key.pub`
        assertEquals("2d:82:b3:0e:b3:b7:9e:5b:e5:c8:ae:9d:d2:f6:51:83", SshPublicKey.parse(RSA).fingerprint());
        assertEquals("f5:73:cb:8d:a9:af:f1:05:42:e4:b0:a1:79:01:68:87", SshPublicKey.parse(ED25519).fingerprint());
        assertEquals("3a:04:07:38:cd:79:b7:e5:d5:c7:b4:4f:ba:08:d5:63", SshPublicKey.parse(ECDSA256).fingerprint());
        assertEquals("23:30:00:45:bf:cf:15:a7:27:dd:51:e6:8d:ca:99:9f", SshPublicKey.parse(ECDSA521).fingerprint());
        assertEquals("ssh-ed25519", SshPublicKey.parse(ED25519).type());
    }

    @Test
    void keysThatDoNotParseAreRefused() {
        String rsaBlob = RSA.split(" ")[1];
        String edBlob = ED25519.split(" ")[1];
        byte[] ecdsa = Base64.getDecoder().decode(ECDSA256.split(" ")[1]);
        ecdsa[ecdsa.length - 1] ^= 1; // a point off the curve
        for (String bad : new String[]{"", "ssh-rsa", "not a key", "ssh-rsa !!!notbase64!!!",
                "ssh-rsa " + rsaBlob.substring(0, 40),           // truncated
                "ssh-ed25519 " + rsaBlob,                         // blob of another type
                "ssh-rsa " + edBlob,
                "ssh-foo " + edBlob,
                "ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(ecdsa),
                "ssh-ed25519 " + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(Base64.getDecoder().decode(edBlob), 60))}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> SshPublicKey.parse(bad), bad);
            assertEquals("Keypair data is invalid: failed to generate fingerprint", e.getMessage());
        }
    }

    @Test
    void aGeneratedX509PairIsASelfSignedCertificateOfItsKey() throws Exception {
        GeneratedKeypair g = GeneratedKeypair.x509("user-0123456789abcdef-long", "project-42");
        var cert = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(g.publicKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        cert.verify(cert.getPublicKey()); // self-signed
        assertTrue(cert.getSubjectX500Principal().getName().contains("CN=project-42-user-0123456789a-"),
                cert.getSubjectX500Principal().getName());
        assertTrue(g.privateKey().startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertEquals(59, KeypairService.x509Fingerprint(g.publicKey()).length());
    }

    @Test
    void generatedPairsParseAndSshReadsThePrivateKey() throws Exception {
        GeneratedKeypair g = GeneratedKeypair.rsa();
        assertTrue(g.publicKey().startsWith("ssh-rsa ") && g.publicKey().endsWith(" Generated-by-Nova"));
        assertEquals("ssh-rsa", SshPublicKey.parse(g.publicKey()).type());
        assertTrue(g.privateKey().startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/ssh-keygen")), "ssh-keygen is not installed");
        Path key = Files.createTempFile("strato-key", "");
        try {
            Files.writeString(key, g.privateKey());
            Process p = new ProcessBuilder("/usr/bin/ssh-keygen", "-y", "-f", key.toString()).redirectErrorStream(true).start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String derived = new String(p.getInputStream().readAllBytes()).strip();
            assertEquals(0, p.exitValue(), derived);
            // the public key ssh derives from the private one is the one Nova returned
            assertEquals(g.publicKey().split(" ")[1], derived.split(" ")[1]);
        } finally {
            Files.deleteIfExists(key);
        }
    }

    @Test
    void keypairNamesFollowNovasRule() {
        assertEquals("my-key_1 x", KeypairRequest.name("my-key_1 x", false));
        for (String bad : new String[]{"a/b", "key.pub", "clé"}) {
            InvalidInput e = assertThrows(InvalidInput.class, () -> KeypairRequest.name(bad, false));
            assertEquals("Keypair data is invalid: Keypair name contains unsafe characters", e.getMessage());
        }
    }
}
