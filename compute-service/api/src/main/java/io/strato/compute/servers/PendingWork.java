package io.strato.compute.servers;

/**
 * Whoever drives servers' pending steps (the saga worker): told right after a commit that gave it work, so the
 * step need not wait for its next poll. An interface here so that servers/ does not depend on saga/, which
 * depends on servers/.
 */
public interface PendingWork {

    /** There is work now; returns at once. */
    void wake();
}
