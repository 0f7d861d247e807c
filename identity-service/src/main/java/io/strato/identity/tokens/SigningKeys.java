package io.strato.identity.tokens;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Ids;
import io.strato.identity.config.IdentityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The ES256 keys tokens are signed with, kept in the database so every instance signs with the same
 * key and verifies every other's tokens. The newest key signs; older keys keep verifying until the
 * tokens they signed have expired (retire_at), and are published in the JWKS until then.
 */
@ApplicationScoped
public class SigningKeys {
    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    /** Serialises key creation across instances (any constant shared by all identity instances). */
    private static final long KEY_LOCK = 0x5354524154L;

    private final IdentityConfig config;
    private volatile Snapshot snapshot;

    public SigningKeys(IdentityConfig config) {
        this.config = config;
    }

    record Snapshot(EllipticCurveJsonWebKey signer, List<EllipticCurveJsonWebKey> verifiers, String jwksJson) {
    }

    void onStart(@Observes StartupEvent ev) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(this::ensureCurrentKey));
    }

    @Scheduled(every = "${strato.identity.keys.refresh:60s}", delayed = "${strato.identity.keys.refresh:60s}")
    Uni<Void> refresh() {
        return Panache.withTransaction(this::ensureCurrentKey)
                .onFailure().invoke(e -> LOG.warn("could not refresh signing keys", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Loads the keys, making a new one first when there is none or the newest is due for rotation. */
    Uni<Void> ensureCurrentKey() {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(" + KEY_LOCK + ")").getSingleResult())
                .flatMap(x -> unretired())
                .flatMap(keys -> {
                    Instant now = Instant.now();
                    SigningKey newest = keys.stream().max(Comparator.comparing(k -> k.createdAt)).orElse(null);
                    if (newest != null && newest.createdAt.plus(config.keys().rotateAfter()).isAfter(now)) {
                        return Uni.createFrom().item(keys);
                    }
                    SigningKey fresh = generate(now);
                    List<SigningKey> all = new ArrayList<>(keys);
                    all.add(fresh);
                    Instant retire = now.plus(config.tokenLifetime()).plusSeconds(60);
                    return Panache.getSession().flatMap(s -> s.persist(fresh)
                                    .call(() -> s.createMutationQuery(
                                                    "update SigningKey set retireAt = ?1 where retireAt is null and kid <> ?2")
                                            .setParameter(1, retire).setParameter(2, fresh.kid).executeUpdate()))
                            .invoke(() -> LOG.infof("made signing key %s", fresh.kid))
                            .replaceWith(all);
                })
                .invoke(this::install)
                .call(() -> Panache.getSession().flatMap(s -> s.createMutationQuery(
                        "delete from SigningKey where retireAt < ?1").setParameter(1, Instant.now()).executeUpdate()))
                .replaceWithVoid();
    }

    private Uni<List<SigningKey>> unretired() {
        return Panache.getSession().flatMap(s -> s.createSelectionQuery(
                        "from SigningKey where retireAt is null or retireAt > ?1", SigningKey.class)
                .setParameter(1, Instant.now()).getResultList());
    }

    private static SigningKey generate(Instant now) {
        try {
            EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(Ids.newId().substring(0, 16));
            jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            jwk.setUse("sig");
            SigningKey k = new SigningKey();
            k.kid = jwk.getKeyId();
            k.privateJwk = jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
            k.publicJwk = jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            k.createdAt = now;
            return k;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot generate an ES256 key", e);
        }
    }

    private void install(List<SigningKey> keys) {
        try {
            List<SigningKey> sorted = new ArrayList<>(keys);
            sorted.sort(Comparator.comparing((SigningKey k) -> k.createdAt).reversed());
            List<EllipticCurveJsonWebKey> verifiers = new ArrayList<>();
            EllipticCurveJsonWebKey signer = null;
            for (SigningKey k : sorted) {
                EllipticCurveJsonWebKey jwk = (EllipticCurveJsonWebKey) JsonWebKey.Factory.newJwk(k.privateJwk);
                if (signer == null) {
                    signer = jwk;
                }
                verifiers.add(jwk);
            }
            String jwks = new JsonWebKeySet(new ArrayList<JsonWebKey>(verifiers))
                    .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            snapshot = new Snapshot(signer, List.copyOf(verifiers), jwks);
        } catch (JoseException e) {
            throw new IllegalStateException("a stored signing key cannot be read", e);
        }
    }

    /** The key new tokens are signed with. */
    public EllipticCurveJsonWebKey signer() {
        return current().signer();
    }

    /** Every key a valid token may be signed with. */
    public List<EllipticCurveJsonWebKey> verifiers() {
        return current().verifiers();
    }

    /** The public keys as a JWKS document. */
    public String jwks() {
        return current().jwksJson();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            throw new IllegalStateException("signing keys are not loaded yet");
        }
        return s;
    }
}
