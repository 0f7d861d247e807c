package io.strato.compute.hosts;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** What the saga reads about compute hosts (the scheduler owns the rows; agents' heartbeats keep them fresh). */
@ApplicationScoped
public class Hosts {
    private final HostLiveness liveness;

    Hosts(HostLiveness liveness) {
        this.liveness = liveness;
    }

    /** Whether the host is up by {@link HostLiveness}'s rule: a command to it will be answered. */
    public Uni<Boolean> isUp(String host) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from compute_host h where h.host = :h and " + liveness.upSql("h"), Long.class)
                .setParameter("h", host).getSingleResult()).map(n -> n > 0);
    }

    /** The availability zone of a host ({@link HostZones}), or null. */
    public Uni<String> zoneOf(String host) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select " + HostZones.of("h") + " from compute_host h where h.host = :h", String.class)
                .setParameter("h", host).getSingleResultOrNull());
    }

    /** Whether any enabled host is in the zone (Nova refuses a create naming a zone no host serves). */
    public Uni<Boolean> zoneExists(String zone) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from compute_host h where " + HostZones.of("h") + " = :z and h.enabled", Long.class)
                .setParameter("z", zone).getSingleResult()).map(n -> n > 0);
    }

    /**
     * The host a 2.74 create names by {@code host} and/or {@code hypervisor_hostname} (one node per host here);
     * null when no compute host is both.
     */
    public Uni<String> requested(String host, String node) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select h.host from compute_host h where (cast(:h as text) is null or h.host = :h)"
                                + " and (cast(:n as text) is null or h.hypervisor_hostname = :n)", String.class)
                .setParameter("h", host).setParameter("n", node).setMaxResults(1).getSingleResultOrNull());
    }
}
