package io.strato.compute.keypairs;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.List;

/** Key pairs of a user: import or generation, the key_pairs quota, listing with name-ordered paging. */
@ApplicationScoped
public class KeypairService {
    private final KeypairRepository keypairs;
    private final ComputeQuota quota;

    public KeypairService(KeypairRepository keypairs, ComputeQuota quota) {
        this.keypairs = keypairs;
        this.quota = quota;
    }

    /** A new key pair and, when Nova generated it, its private key (returned once, never stored). */
    record Created(Keypair keypair, String privateKey) {
    }

    /**
     * Imports {@code r.publicKey()} or generates an RSA pair for {@code userId}, counting against the key_pairs
     * limit of {@code projectId}: 400 for a key that does not parse, 403 over quota, 409 for a name the user has.
     */
    @WithTransaction
    public Uni<Created> create(String userId, String projectId, KeypairRequest r) {
        Keypair k = new Keypair();
        k.userId = userId;
        k.projectId = projectId;
        k.name = r.name();
        k.type = r.type();
        String privateKey = null;
        if (r.publicKey() == null) {
            GeneratedKeypair g = "x509".equals(r.type()) ? GeneratedKeypair.x509(userId, projectId) : GeneratedKeypair.rsa();
            k.publicKey = g.publicKey();
            privateKey = g.privateKey();
        } else {
            k.publicKey = r.publicKey();
        }
        k.fingerprint = "x509".equals(k.type) ? x509Fingerprint(k.publicKey) : SshPublicKey.parse(k.publicKey).fingerprint();
        k.createdAt = Instant.now();
        String generated = privateKey;
        return quota.claimKeypair(projectId, userId)
                .chain(() -> keypairs.findById(new Keypair.Key(userId, r.name())))
                .invoke(existing -> {
                    if (existing != null) {
                        throw new Conflict("Key pair '" + r.name() + "' already exists.");
                    }
                })
                .chain(() -> keypairs.persistAndFlush(k))
                .map(saved -> new Created(saved, generated));
    }

    /**
     * The public key of the user's key pair {@code name}, or null when there is none (key pairs are per user, as
     * Nova's). Runs in the caller's session: a server create reads it in the transaction that stores the servers.
     */
    public Uni<String> publicKey(String userId, String name) {
        return keypairs.findById(new Keypair.Key(userId, name)).map(k -> k == null ? null : k.publicKey);
    }

    /** The user's key pairs by name, at most {@code limit} after {@code marker} (a name; unknown: Nova's 400). */
    @WithSession
    public Uni<List<Keypair>> list(String userId, int limit, String marker) {
        Uni<Void> check = marker == null ? Uni.createFrom().voidItem()
                : keypairs.findById(new Keypair.Key(userId, marker)).invoke(m -> {
                    if (m == null) {
                        throw new InvalidInput("Marker " + marker + " could not be found.");
                    }
                }).replaceWithVoid();
        return check.chain(() -> (marker == null
                        ? keypairs.find("userId", Sort.by("name"), userId)
                        : keypairs.find("userId = ?1 and name > ?2", Sort.by("name"), userId, marker))
                .range(0, limit - 1).list());
    }

    @WithSession
    public Uni<Keypair> show(String userId, String name) {
        return keypairs.findById(new Keypair.Key(userId, name)).invoke(k -> {
            if (k == null) {
                throw notFound(userId, name);
            }
        });
    }

    @WithTransaction
    public Uni<Void> delete(String userId, String name) {
        return keypairs.delete("userId = ?1 and name = ?2", userId, name).invoke(n -> {
            if (n == 0) {
                throw notFound(userId, name);
            }
        }).replaceWithVoid();
    }

    private static NotFound notFound(String userId, String name) {
        return new NotFound("Keypair " + name + " not found for user " + userId);
    }

    /** Nova's x509 fingerprint: SHA-1 of the certificate in colon-separated hex. */
    static String x509Fingerprint(String pem) {
        try {
            var cert = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(cert.getEncoded());
            return java.util.HexFormat.ofDelimiter(":").formatHex(sha1);
        } catch (Exception e) {
            throw new InvalidInput("Keypair data is invalid: failed to generate X509 fingerprint");
        }
    }
}
