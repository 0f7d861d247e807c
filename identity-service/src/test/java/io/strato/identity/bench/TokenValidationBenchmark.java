package io.strato.identity.bench;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.credential.TokenCredential;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.Revocation;
import io.strato.kit.auth.RevocationList;
import io.strato.kit.auth.TokenClaims;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
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
 * Per-core cost of validating a Strato token locally, as every service does on each request:
 * quarkus-oidc's jose4j checks (ES256 signature against the JWKS, expiry, issuer, subject), service-kit's
 * {@code CallerClaims} reads the caller out of the claims, and {@link RevocationList} is consulted.
 * {@code revocations} fills the list with that many distinct facts that do not match the token, so
 * every index is looked up and none answers: the full path of a valid token.
 *
 * <p>Run with {@code identity-service/bench/jmh.sh}; not a test (surefire runs {@code *Test} only).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class TokenValidationBenchmark {
    static final String ISSUER = "strato-identity";

    @Param({"0", "10000", "1000000"})
    public int revocations;

    private String token;
    private VerificationKeyResolver jwks;
    private AlgorithmConstraints es256Only;
    private MethodHandle callerClaimsRead;
    private RevocationList revocationList;
    private Caller caller;

    @Setup
    public void setUp() throws Throwable {
        EllipticCurveJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(hex(8));
        token = sign(key, Instant.now());
        EllipticCurveJsonWebKey publicOnly = new EllipticCurveJsonWebKey(key.getECPublicKey());
        publicOnly.setKeyId(key.getKeyId());
        jwks = new JwksVerificationKeyResolver(List.<JsonWebKey>of(publicOnly));
        es256Only = new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        // CallerClaims is package-private in service-kit: call the production code, not a copy of it.
        Class<?> claims = Class.forName("io.strato.kit.auth.CallerClaims");
        callerClaimsRead = MethodHandles.privateLookupIn(claims, MethodHandles.lookup())
                .findStatic(claims, "read", MethodType.methodType(Caller.class, JsonWebToken.class));
        revocationList = fill(revocations);
        caller = validate();
        if (caller == null || !"admin".equals(caller.userName()) || caller.roles().size() != 3) {
            throw new IllegalStateException("the benchmark token does not validate: " + caller);
        }
    }

    /** Signature + claims checks + reading the caller + revocation check: one request's local validation. */
    @Benchmark
    public Caller validate() throws Throwable {
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
        JsonWebToken principal = new OidcJwtCallerPrincipal(claims, new TokenCredential(token, "bearer"));
        Caller c = (Caller) callerClaimsRead.invokeExact(principal);
        return revocationList.isRevoked(c) ? null : c;
    }

    /** The revocation check alone, to show whether its cost depends on the list's size. */
    @Benchmark
    public boolean revocationCheckOnly() {
        return revocationList.isRevoked(caller);
    }

    /** The claims TokenCodec.sign writes for a project-scoped password token of the admin user. */
    private static String sign(EllipticCurveJsonWebKey key, Instant now) throws Exception {
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
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(c.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        return jws.getCompactSerialization();
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
