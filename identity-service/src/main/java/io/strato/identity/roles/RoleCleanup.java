package io.strato.identity.roles;

import io.smallrye.mutiny.Uni;

/**
 * What goes with a role when it is deleted, outside the roles feature: its assignments and the tokens of
 * everyone holding it. The assignments feature implements it; roles, which assignments build on, only call it.
 */
public interface RoleCleanup {

    /** Runs in the caller's transaction, before the role's row is deleted. */
    Uni<Void> forRole(String roleId);
}
