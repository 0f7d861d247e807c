package io.strato.identity.domains;

import io.strato.kit.auth.Caller;

/**
 * The domain a new project, user or group lands in when the body names none: as Keystone, the
 * domain of the token's scope (the domain itself, or the scoped project's domain), else Default.
 */
public final class DefaultDomain {
    private DefaultDomain() {
    }

    public static String of(Caller c) {
        if (c.domainId() != null) {
            return c.domainId();
        }
        return c.projectDomainId() != null ? c.projectDomainId() : Domain.DEFAULT_ID;
    }

    /** The requested domain id when given, else {@link #of(Caller)}. */
    public static String of(Caller c, String requested) {
        return requested != null && !requested.isBlank() ? requested : of(c);
    }
}
