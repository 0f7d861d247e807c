package io.strato.compute.agent.instances;

/** The power state compute-service last asked for; the reconciliation loop reports domains that differ. */
public enum ExpectedPower {
    RUNNING,
    SHUTOFF
}
