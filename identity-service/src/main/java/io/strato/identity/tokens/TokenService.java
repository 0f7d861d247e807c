package io.strato.identity.tokens;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.identity.changes.ChangeStamp;
import io.strato.identity.config.IdentityConfig;
import io.strato.identity.revocations.RevocationService;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Issues, validates and revokes tokens. */
@ApplicationScoped
public class TokenService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordMethod password;
    private final TokenMethod token;
    private final ApplicationCredentialMethod applicationCredential;
    private final ScopeResolver scopes;
    private final TokenCodec codec;
    private final TokenValidator validator;
    private final RevocationService revocations;
    private final IdentityConfig config;
    private final ChangeStamp loaded;

    public TokenService(PasswordMethod password, TokenMethod token, ApplicationCredentialMethod applicationCredential,
                        ScopeResolver scopes, TokenCodec codec, TokenValidator validator,
                        RevocationService revocations, IdentityConfig config, ChangeStamp loaded) {
        this.password = password;
        this.token = token;
        this.applicationCredential = applicationCredential;
        this.scopes = scopes;
        this.codec = codec;
        this.validator = validator;
        this.revocations = revocations;
        this.config = config;
        this.loaded = loaded;
    }

    /** What a scope resolves to depends on the user (its default project), the credential and the scope asked. */
    private record ScopeKey(String userId, String defaultProjectId, String appCredId, AuthRequest.Scope scope) {
    }

    /** A signed token and what it says. */
    public record Signed(String id, IssuedToken token) {
    }

    @WithSession
    public Uni<Signed> issue(AuthRequest request) {
        return loaded.current().flatMap(stamp -> issue(request, stamp));
    }

    private Uni<Signed> issue(AuthRequest request, long stamp) {
        Uni<List<Principal>> proven = Uni.createFrom().item(new ArrayList<>());
        for (String method : request.methods()) {
            proven = proven.flatMap(list -> authenticate(method, request, stamp).map(p -> {
                if (!list.isEmpty() && !list.get(0).user().id.equals(p.user().id)) {
                    throw AuthFailure.failed();
                }
                list.add(p);
                return list;
            }));
        }
        return proven.flatMap(ps -> {
            Principal first = ps.get(0);
            ScopeKey key = new ScopeKey(first.user().id, first.user().defaultProjectId,
                    first.appCred() == null ? null : first.appCred().id, request.scope());
            return loaded.get(stamp, key, () -> scopes.resolve(first, request.scope()))
                    .map(scope -> sign(first, ps, scope));
        });
    }

    private Uni<Principal> authenticate(String method, AuthRequest r, long stamp) {
        return switch (method) {
            case "password" -> password.authenticate(r);
            case "token" -> token.authenticate(r, stamp);
            default -> applicationCredential.authenticate(r, stamp);
        };
    }

    private Signed sign(Principal p, List<Principal> all, ScopeResolver.Resolved s) {
        // milliseconds, as the token carries its issue time: the create answer and every validation show the same
        // issued_at (Tempest's test_validate_token compares them)
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        // whole seconds, as a JWT's exp carries them (and as Keystone's JWS tokens show them)
        Instant expires = now.plus(config.tokenLifetime()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (Principal q : all) {
            if (q.expiresAt() != null && q.expiresAt().isBefore(expires)) {
                expires = q.expiresAt();
            }
        }
        List<String> audit = new ArrayList<>();
        audit.add(auditId());
        all.stream().map(Principal::auditChainId).filter(a -> a != null).findFirst().ifPresent(audit::add);
        IssuedToken t = new IssuedToken(
                new IssuedToken.Ref(p.user().id, p.user().name),
                new IssuedToken.Ref(p.userDomain().id, p.userDomain().name),
                s.project() == null ? null : new IssuedToken.Ref(s.project().id, s.project().name),
                s.projectDomain() == null ? null : new IssuedToken.Ref(s.projectDomain().id, s.projectDomain().name),
                s.domain() == null ? null : new IssuedToken.Ref(s.domain().id, s.domain().name),
                s.system(),
                s.roles().stream().map(r -> new IssuedToken.Ref(r.id, r.name)).toList(),
                Principal.methodsOf(all), audit, now, expires,
                p.appCred() == null ? null : p.appCred().id);
        return new Signed(codec.sign(t), t);
    }

    /** Keystone's audit ids: 16 random bytes, URL-safe base64 without padding. */
    private static String auditId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The subject token's content; 404 when it is not valid (Keystone's answer). */
    public IssuedToken validate(String subjectToken) {
        IssuedToken t = validator.validate(subjectToken);
        if (t == null) {
            throw new NotFound("Could not find token: the subject token is invalid, expired or revoked.");
        }
        return t;
    }

    /** Revokes exactly one token (its own audit id). */
    @WithTransaction
    public Uni<Void> revoke(IssuedToken t) {
        return revocations.revokeToken(t.auditIds().get(0), t.expiresAt());
    }
}
