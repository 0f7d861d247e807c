package io.strato.compute.hosts;

/**
 * The availability zone a compute host is in, as Nova decides it: the {@code availability_zone} of a host
 * aggregate the host belongs to, else the zone its agent reports (Nova's default_availability_zone). The
 * aggregates API keeps a host in at most one zone, so the lowest-numbered zoned aggregate is the only one.
 */
public final class HostZones {
    private HostZones() {
    }

    /** SQL for the zone of the {@code compute_host} row aliased {@code alias}. */
    public static String of(String alias) {
        return "coalesce((SELECT a.metadata ->> 'availability_zone' FROM aggregate_host ah JOIN aggregate a ON a.id = ah.aggregate_id "
                + "WHERE ah.host = " + alias + ".host AND a.metadata ->> 'availability_zone' IS NOT NULL ORDER BY a.id LIMIT 1), "
                + alias + ".availability_zone)";
    }
}
