package io.strato.identity.groups;

import io.smallrye.mutiny.Uni;

/**
 * What goes with a group when it is deleted, outside the groups feature: its role assignments and its
 * members' tokens. The assignments feature implements it; groups, which assignments build on, only call it.
 */
public interface GroupCleanup {

    /** Runs in the caller's transaction, before the group's row is deleted. */
    Uni<Void> forGroup(String groupId);
}
