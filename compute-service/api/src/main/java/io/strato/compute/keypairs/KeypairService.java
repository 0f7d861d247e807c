package io.strato.compute.keypairs;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.compute.quotas.ComputeQuota;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.NotFound;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
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
        k.type = "ssh"; // x509 (2.2) is not served
        String privateKey = null;
        if (r.publicKey() == null) {
            GeneratedKeypair g = GeneratedKeypair.rsa();
            k.publicKey = g.publicKey();
            privateKey = g.privateKey();
        } else {
            k.publicKey = r.publicKey();
        }
        k.fingerprint = SshPublicKey.parse(k.publicKey).fingerprint();
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

    /** The user's key pairs by name, at most {@code limit} after {@code marker} (a name; unknown: 404 as Nova). */
    @WithSession
    public Uni<List<Keypair>> list(String userId, int limit, String marker) {
        Uni<Void> check = marker == null ? Uni.createFrom().voidItem()
                : keypairs.findById(new Keypair.Key(userId, marker)).invoke(m -> {
                    if (m == null) {
                        throw new NotFound("Marker " + marker + " could not be found.");
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
}
