package io.strato.compute.scheduler;

import io.strato.kit.faults.Conflict;

/**
 * No host passes the filters, or every candidate lost its claim to a concurrent request. Nova's
 * message, which users and the acceptance test look for in the server's fault. The create saga
 * catches it (ERROR with this fault); should one ever reach an API response it is a 409, not a 500.
 */
public class NoValidHost extends Conflict {
    public static final String PREFIX = "No valid host was found. ";
    public static final String NOT_ENOUGH_HOSTS = "There are not enough hosts available.";

    public NoValidHost(String reason) {
        super(PREFIX + reason);
    }

    public NoValidHost() {
        this(NOT_ENOUGH_HOSTS);
    }
}
