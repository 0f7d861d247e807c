package io.strato.kit.auth;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Per-core cost of what a service does with a Strato token on each request, with and without {@link VerifiedTokens}:
 * <ul>
 * <li>{@code uncached}: the path before the cache (the baseline): jose4j verifies the ES256 JWS and checks
 * {@code exp}/{@code iat}/{@code sub}/{@code iss} as quarkus-oidc does (a new {@code JwtConsumer} per token, a JWKS
 * key resolver), {@link CallerClaims#read} reads the caller, {@link RevocationList#isRevoked} checks it;</li>
 * <li>{@code miss}: the same, then {@link VerifiedTokens#remember} keeps the result (a token's first request);</li>
 * <li>{@code hit}: {@link VerifiedTokens#find} (SHA-256 of the token, look-up, {@code exp} check), the request's
 * identity built from the entry ({@link VerifiedToken#identity}) and the revocation check, as
 * {@link CachedTokenIdentityProvider} and {@link CallerAugmentor} do for every later request;</li>
 * <li>{@code revocationCheckOnly}: {@link RevocationList#isRevoked} alone.</li>
 * </ul>
 * {@code uncached} is the whole cost every request paid before the cache (it replaces identity-service's former
 * {@code TokenValidationBenchmark}); both it and {@code revocationCheckOnly} call {@code CallerClaims} directly.
 * The cache holds 10,000 tokens (its default size) besides the measured one. {@code revocations} fills the list
 * with that many distinct facts (audit ids, users, user-on-project, projects) none of which matches the token, so
 * every index is looked up and misses: the full path of a valid token.
 *
 * <p>Run with {@code service-kit/kit-api/bench/jmh.sh}; not a test (surefire runs {@code *Test} only).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TokenCacheBenchmark {
    private static final String ISSUER = "strato-identity";
    private static final int CACHED_TOKENS = 10_000;

    @Param({"0", "10000", "1000000"})
    public int revocations;

    private String token;
    private VerificationKeyResolver jwks;
    private AlgorithmConstraints es256Only;
    private RevocationList revocationList;
    private VerifiedTokens cache;
    private AccessTokenCredential credential;
    private Caller caller;
    private final Map<String, Object> requestAttributes = Map.of();

    @Setup
    public void setUp() throws Exception {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(hex(8));
        token = sign(key, Instant.now());
        credential = new AccessTokenCredential(token);
        EllipticCurveJsonWebKey publicOnly = new EllipticCurveJsonWebKey(key.getECPublicKey());
        publicOnly.setKeyId(key.getKeyId());
        jwks = new JwksVerificationKeyResolver(List.<JsonWebKey>of(publicOnly));
        es256Only = new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        revocationList = fill(revocations);
        cache = new VerifiedTokens(CACHED_TOKENS + 1, Duration.ofMinutes(10), revocationList,
                java.time.InstantSource.system(), com.github.benmanes.caffeine.cache.Ticker.systemTicker());
        SecurityIdentity verified = identity(verify());
        caller = CallerClaims.read((JsonWebToken) verified.getPrincipal());
        for (int i = 0; i < CACHED_TOKENS; i++) {
            cache.remember(token + i, verified, caller);
        }
        if (miss() == null || hit() == null || !"admin".equals(hit().caller().userName())) {
            throw new IllegalStateException("the benchmark token does not validate");
        }
    }

    /** The path before the cache: signature and claims checks, reading the caller, revocation check. */
    @Benchmark
    public Caller uncached() throws Exception {
        JsonWebToken principal = verify();
        Caller c = CallerClaims.read(principal);
        return revocationList.isRevoked(c) ? null : c;
    }

    /** A token's first request: verified as before, then kept. */
    @Benchmark
    public Caller miss() throws Exception {
        SecurityIdentity verified = identity(verify());
        Caller c = CallerClaims.read((JsonWebToken) verified.getPrincipal());
        if (revocationList.isRevoked(c)) {
            return null;
        }
        cache.remember(token, verified, c);
        return c;
    }

    /** Every later request with the same token. */
    @Benchmark
    public VerifiedToken hit() {
        VerifiedToken v = cache.find(token);
        if (v == null) {
            return null;
        }
        SecurityIdentity identity = v.identity(credential, requestAttributes);
        return identity != null && !revocationList.isRevoked(v.caller()) ? v : null;
    }

    /** The revocation check alone, to show whether its cost depends on the list's size. */
    @Benchmark
    public boolean revocationCheckOnly() {
        return revocationList.isRevoked(caller);
    }

    private JsonWebToken verify() throws Exception {
        // quarkus-oidc (OidcProvider.verifyJwtTokenInternal) builds a consumer for each token, as here
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(jwks)
                .setJwsAlgorithmConstraints(es256Only)
                .setRequireExpirationTime()
                .setRequireSubject()
                .setRequireIssuedAt()
                .setExpectedIssuer(ISSUER)
                .setSkipDefaultAudienceValidation()
                .setAllowedClockSkewInSeconds(0)
                .build();
        JwtClaims claims = consumer.processToClaims(token);
        return new OidcJwtCallerPrincipal(claims, credential);
    }

    /** The identity quarkus-oidc builds around a verified principal (roles from the roles claim, tenant id). */
    private SecurityIdentity identity(JsonWebToken principal) {
        return QuarkusSecurityIdentity.builder().setPrincipal(principal).addCredential(credential)
                .addRoles(java.util.Set.of("admin", "member", "reader"))
                .addAttribute("tenant-id", "Default")
                .addAttribute("quarkus.identity.expire-time", principal.getExpirationTime())
                .build();
    }

    /** The claims identity-service's TokenCodec writes for a project-scoped password token of the admin user. */
    private static String sign(EllipticCurveJsonWebKey key, Instant now) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setSubject(hex(32));
        c.setIssuedAt(NumericDate.fromMilliseconds(now.toEpochMilli()));
        c.setExpirationTime(NumericDate.fromMilliseconds(now.plusSeconds(3600).toEpochMilli()));
        c.setClaim(TokenClaims.ISSUED_AT_MILLIS, now.toEpochMilli());
        c.setClaim(TokenClaims.USER_NAME, "admin");
        c.setClaim(TokenClaims.USER_DOMAIN_ID, "default");
        c.setClaim(TokenClaims.USER_DOMAIN_NAME, "Default");
        c.setClaim(TokenClaims.PROJECT_ID, hex(32));
        c.setClaim(TokenClaims.PROJECT_NAME, "admin");
        c.setClaim(TokenClaims.PROJECT_DOMAIN_ID, "default");
        c.setClaim(TokenClaims.PROJECT_DOMAIN_NAME, "Default");
        c.setStringListClaim(TokenClaims.ROLES, "admin", "member", "reader");
        c.setStringListClaim(TokenClaims.ROLE_IDS, hex(32), hex(32), hex(32));
        c.setStringListClaim(TokenClaims.METHODS, "password");
        c.setStringListClaim(TokenClaims.AUDIT_IDS, hex(22));
        return TokenSigner.es256(c, key);
    }

    /** Distinct facts spread over audit ids, users, user-on-project and projects, none matching the token. */
    private static RevocationList fill(int n) {
        RevocationList list = new RevocationList();
        Instant before = Instant.now().minusSeconds(60);
        Instant expires = before.plusSeconds(3600);
        for (int i = 0; i < n; i++) {
            String id = hex(32);
            list.add(switch (i % 4) {
                case 0 -> new Revocation(id.substring(0, 22), null, null, null, null, before, expires);
                case 1 -> new Revocation(null, id, null, null, null, before, expires);
                case 2 -> new Revocation(null, id, hex(32), null, null, before, expires);
                default -> new Revocation(null, null, id, null, null, before, expires);
            });
        }
        if (list.size() != n) {
            throw new IllegalStateException("expected " + n + " distinct revocations, have " + list.size());
        }
        return list;
    }

    private static String hex(int length) {
        return UUID.randomUUID().toString().replace("-", "").substring(0, length);
    }
}
