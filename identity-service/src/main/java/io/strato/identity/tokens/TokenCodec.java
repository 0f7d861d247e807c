package io.strato.identity.tokens;

import io.strato.identity.config.IdentityConfig;
import io.strato.kit.auth.TokenClaims;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

/** Writes an {@link IssuedToken} as an ES256 JWS, and reads and verifies one. */
@ApplicationScoped
public class TokenCodec {
    private final SigningKeys keys;
    private final IdentityConfig config;
    /** The signer of the current key (replaced when the keys rotate). */
    private volatile Es256 signer;

    public TokenCodec(SigningKeys keys, IdentityConfig config) {
        this.keys = keys;
        this.config = config;
    }

    public String sign(IssuedToken t) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(config.issuer());
        c.setSubject(t.user().id());
        c.setIssuedAt(NumericDate.fromMilliseconds(t.issuedAt().toEpochMilli()));
        c.setExpirationTime(NumericDate.fromMilliseconds(t.expiresAt().toEpochMilli()));
        c.setClaim(TokenClaims.ISSUED_AT_MILLIS, t.issuedAt().toEpochMilli());
        c.setClaim(TokenClaims.USER_NAME, t.user().name());
        c.setClaim(TokenClaims.USER_DOMAIN_ID, t.userDomain().id());
        c.setClaim(TokenClaims.USER_DOMAIN_NAME, t.userDomain().name());
        if (t.project() != null) {
            c.setClaim(TokenClaims.PROJECT_ID, t.project().id());
            c.setClaim(TokenClaims.PROJECT_NAME, t.project().name());
            c.setClaim(TokenClaims.PROJECT_DOMAIN_ID, t.projectDomain().id());
            c.setClaim(TokenClaims.PROJECT_DOMAIN_NAME, t.projectDomain().name());
        }
        if (t.domain() != null) {
            c.setClaim(TokenClaims.DOMAIN_ID, t.domain().id());
            c.setClaim(TokenClaims.DOMAIN_NAME, t.domain().name());
        }
        if (t.system()) {
            c.setClaim(TokenClaims.SYSTEM, true);
        }
        c.setStringListClaim(TokenClaims.ROLES, t.roles().stream().map(IssuedToken.Ref::name).toList());
        c.setStringListClaim(TokenClaims.ROLE_IDS, t.roles().stream().map(IssuedToken.Ref::id).toList());
        c.setStringListClaim(TokenClaims.METHODS, t.methods());
        c.setStringListClaim(TokenClaims.AUDIT_IDS, t.auditIds());
        if (t.applicationCredentialId() != null) {
            c.setClaim(TokenClaims.APPLICATION_CREDENTIAL_ID, t.applicationCredentialId());
        }
        return signer().sign(c.toJson());
    }

    private Es256 signer() {
        EllipticCurveJsonWebKey key = keys.signer();
        Es256 s = signer;
        if (s == null || !s.isFor(key)) {
            s = new Es256(key);
            signer = s;
        }
        return s;
    }

    /** Verifies signature, issuer and expiry; returns null for anything that is not a valid token. */
    public IssuedToken verify(String token) {
        if (token == null || token.isBlank() || token.length() > 8192) {
            return null;
        }
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(config.issuer())
                .setSkipDefaultAudienceValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(new ArrayList<JsonWebKey>(keys.verifiers())))
                .build();
        try {
            return read(consumer.processToClaims(token));
        } catch (InvalidJwtException | MalformedClaimException | RuntimeException e) {
            return null;
        }
    }

    private static IssuedToken read(JwtClaims c) throws MalformedClaimException {
        List<String> roleNames = list(c, TokenClaims.ROLES);
        List<String> roleIds = list(c, TokenClaims.ROLE_IDS);
        List<IssuedToken.Ref> roles = new ArrayList<>();
        for (int i = 0; i < roleNames.size() && i < roleIds.size(); i++) {
            roles.add(new IssuedToken.Ref(roleIds.get(i), roleNames.get(i)));
        }
        Object ms = c.getClaimValue(TokenClaims.ISSUED_AT_MILLIS);
        Instant issued = ms instanceof Number n ? Instant.ofEpochMilli(n.longValue())
                : Instant.ofEpochSecond(c.getIssuedAt().getValue());
        String pid = c.getStringClaimValue(TokenClaims.PROJECT_ID);
        String did = c.getStringClaimValue(TokenClaims.DOMAIN_ID);
        return new IssuedToken(
                new IssuedToken.Ref(c.getSubject(), c.getStringClaimValue(TokenClaims.USER_NAME)),
                new IssuedToken.Ref(c.getStringClaimValue(TokenClaims.USER_DOMAIN_ID),
                        c.getStringClaimValue(TokenClaims.USER_DOMAIN_NAME)),
                pid == null ? null : new IssuedToken.Ref(pid, c.getStringClaimValue(TokenClaims.PROJECT_NAME)),
                pid == null ? null : new IssuedToken.Ref(c.getStringClaimValue(TokenClaims.PROJECT_DOMAIN_ID),
                        c.getStringClaimValue(TokenClaims.PROJECT_DOMAIN_NAME)),
                did == null ? null : new IssuedToken.Ref(did, c.getStringClaimValue(TokenClaims.DOMAIN_NAME)),
                Boolean.TRUE.equals(c.getClaimValue(TokenClaims.SYSTEM)),
                roles, list(c, TokenClaims.METHODS), list(c, TokenClaims.AUDIT_IDS),
                issued, Instant.ofEpochMilli(c.getExpirationTime().getValueInMillis()),
                c.getStringClaimValue(TokenClaims.APPLICATION_CREDENTIAL_ID));
    }

    private static List<String> list(JwtClaims c, String name) throws MalformedClaimException {
        return c.hasClaim(name) ? c.getStringListClaimValue(name) : List.of();
    }
}
