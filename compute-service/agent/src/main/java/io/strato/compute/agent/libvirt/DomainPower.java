package io.strato.compute.agent.libvirt;

import io.strato.compute.protocol.Reports;
import org.libvirt.DomainInfo.DomainState;

/** A domain's power state as libvirt reports it, with the Nova power state it maps to (as Nova's libvirt driver maps it). */
public enum DomainPower {
    NOSTATE(Reports.NOSTATE),
    RUNNING(Reports.RUNNING),
    BLOCKED(Reports.RUNNING),
    PAUSED(Reports.PAUSED),
    /** Being shut down: still running, as far as libvirt knows. */
    SHUTTING_DOWN(Reports.SHUTDOWN),
    SHUTOFF(Reports.SHUTDOWN),
    CRASHED(Reports.CRASHED),
    /** Power-management suspended (not in libvirt-java 0.5.2's enum, read from the raw state number). */
    PMSUSPENDED(Reports.SUSPENDED);

    private final int novaPowerState;

    DomainPower(int novaPowerState) {
        this.novaPowerState = novaPowerState;
    }

    /** The power state compute-service stores ({@code OS-EXT-STS:power_state}). */
    public int novaPowerState() {
        return novaPowerState;
    }

    /** Whether the guest is up as far as a user is concerned (running, blocked on I/O, or shutting down). */
    public boolean active() {
        return this == RUNNING || this == BLOCKED || this == SHUTTING_DOWN || this == PAUSED;
    }

    static DomainPower of(DomainState state) {
        if (state == null) {
            return NOSTATE;
        }
        return switch (state) {
            case VIR_DOMAIN_NOSTATE -> NOSTATE;
            case VIR_DOMAIN_RUNNING -> RUNNING;
            case VIR_DOMAIN_BLOCKED -> BLOCKED;
            case VIR_DOMAIN_PAUSED -> PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> SHUTTING_DOWN;
            case VIR_DOMAIN_SHUTOFF -> SHUTOFF;
            case VIR_DOMAIN_CRASHED -> CRASHED;
        };
    }
}
