package io.strato.identity.tokens;

import io.smallrye.mutiny.Uni;
import io.strato.identity.changes.ChangeStamp;
import io.strato.identity.domains.Domain;
import io.strato.identity.domains.DomainRepository;
import io.strato.identity.users.User;
import io.strato.identity.users.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Finds the user an auth request names and checks it may sign in (user and domain enabled). */
@ApplicationScoped
public class UserLookup {
    private final UserRepository users;
    private final DomainRepository domains;
    private final ChangeStamp loaded;

    public UserLookup(UserRepository users, DomainRepository domains, ChangeStamp loaded) {
        this.users = users;
        this.domains = domains;
        this.loaded = loaded;
    }

    private record UserKey(String userId) {
    }

    /**
     * The user by id and its domain, both enabled, as loaded under {@code stamp} ({@link ChangeStamp}); a 401 when
     * not found or disabled. The principal's method is left for the caller to set.
     */
    public Uni<Principal> enabledById(String userId, long stamp) {
        return loaded.get(stamp, new UserKey(userId), () -> users.findById(userId).flatMap(u -> byId(u, null)));
    }

    /** The user and its domain, or a 401 when not found or disabled. */
    public Uni<Principal> enabledUser(AuthRequest.UserRef ref, String method) {
        Uni<User> user;
        if (ref.id() != null) {
            user = users.findById(ref.id());
        } else {
            Uni<Domain> domain = ref.domainId() != null ? domains.findById(ref.domainId()) : domains.findByName(ref.domainName());
            user = domain.flatMap(d -> d == null ? Uni.createFrom().nullItem() : users.findByName(d.id, ref.name()));
        }
        return user.flatMap(u -> byId(u, method));
    }

    public Uni<Principal> byId(User u, String method) {
        if (u == null || !u.enabled) {
            return Uni.createFrom().failure(AuthFailure.failed());
        }
        return domains.findById(u.domainId).map(d -> {
            if (d == null || !d.enabled) {
                throw AuthFailure.failed();
            }
            return new Principal(u, d, method, null, null, null);
        });
    }
}
