package io.strato.compute.agent.instances;

/** The power state compute-service last asked for; the reconciliation loop reports domains that differ. */
public enum ExpectedPower {
    RUNNING,
    SHUTOFF,
    /** Paused: the domain runs with its vCPUs stopped. */
    PAUSED,
    /** Suspended: the domain is off, its memory in libvirt's managed save image. */
    SUSPENDED
}
