package io.strato.compute.protocol;

/**
 * Where compute-service and its agents talk over Kafka. Commands go to one topic per host (written
 * through compute-service's outbox, in the transaction that changes the server's state); agents send
 * every report (inventory and heartbeat, command results, drift, console output) to one topic.
 */
public final class Topics {
    /** Reports of every agent, consumed by compute-service (one group). */
    public static final String REPORTS = "strato.compute.reports";

    private Topics() {
    }

    /** The command topic of a host: {@code strato.compute.host.<host>}. */
    public static String host(String host) {
        return "strato.compute.host." + host;
    }

    /** The CloudEvents type of a command: {@code strato.compute.command.<name>.v1}. */
    public static String commandType(String name) {
        return "strato.compute.command." + name + ".v1";
    }

    /** The CloudEvents type of a report: {@code strato.compute.report.<name>.v1}. */
    public static String reportType(String name) {
        return "strato.compute.report." + name + ".v1";
    }

    /** The command name of a command type, or null when the type is not a command. */
    public static String commandName(String type) {
        String prefix = "strato.compute.command.";
        return type != null && type.startsWith(prefix) && type.endsWith(".v1")
                ? type.substring(prefix.length(), type.length() - 3) : null;
    }
}
