package io.strato.network.quotas;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.data.quota.ProjectQuotas;
import io.strato.network.api.Neutron;
import io.strato.network.config.NetworkConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Neutron's quotas on the kit's one mechanism ({@link ProjectQuotas}): the project's {@code quota_lock} row,
 * a count of the resource's table, and limits that are the configured defaults (Neutron's own where the
 * configuration leaves a resource out) overridden per project. {@link #claim} runs in the transaction that
 * then inserts, so two creates racing for the last unit are serialised and only one gets it.
 *
 * <p>Port creates, the one create that comes in bursts, use the shorter form: {@link #limit} is read first, with
 * no lock (an unlimited resource is not counted at all, as Neutron's no-lock quota driver leaves unlimited
 * resources out), and {@link #recount} takes the project's lock as the transaction's last statement, so creates
 * of one project wait on each other only for a count and a commit, not for their whole transaction.
 */
@ApplicationScoped
public class NetworkQuotas {
    /** Neutron's own defaults, for resources the configuration leaves out. */
    private static final Map<String, Integer> NEUTRON_DEFAULTS = Map.of("network", 100, "subnet", 100, "port", 500,
            "router", 10, "floatingip", 50, "security_group", 10, "security_group_rule", 100);

    private final NetworkConfig config;
    private final ProjectQuotas quotas = new ProjectQuotas(this::defaults);

    public NetworkQuotas(NetworkConfig config) {
        this.config = config;
    }

    /** The default limit of every resource, in Neutron's order. */
    public Map<String, Integer> defaults() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String r : QuotaResources.TABLES.keySet()) {
            out.put(r, config.quota().getOrDefault(r, NEUTRON_DEFAULTS.get(r)));
        }
        return out;
    }

    /**
     * Fails with Neutron's {@code OverQuota} (409) when {@code projectId} may not own {@code count} more of
     * {@code resource}. Must run in the transaction that then inserts them.
     *
     * @param resource network, subnet, port, router, floatingip, security_group, security_group_rule
     */
    public Uni<Void> claim(String projectId, String resource, int count) {
        if (!QuotaResources.TABLES.containsKey(resource)) {
            throw new IllegalArgumentException("no quota resource " + resource);
        }
        return quotas.claim(projectId, projectId, Map.of(resource, (long) count),
                () -> used(projectId, resource).map(n -> Map.of(resource, n)),
                NetworkQuotas::overQuota);
    }

    /**
     * The project's limit of {@code resource}: its override, else the default; -1 is unlimited. Reads without a
     * lock (needs a session).
     */
    public Uni<Integer> limit(String projectId, String resource) {
        Integer byDefault = defaults().get(resource);
        if (byDefault == null) {
            throw new IllegalArgumentException("no quota resource " + resource);
        }
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT hard_limit FROM quota WHERE project_id = :p AND resource = :r", Integer.class)
                .setParameter("p", projectId).setParameter("r", resource).getResultList())
                .map(rows -> rows.isEmpty() ? byDefault : rows.get(0));
    }

    /**
     * Fails with Neutron's {@code OverQuota} (409) when {@code projectId} holds more than {@code limit} of
     * {@code resource}, the one row its transaction inserted counted (the kit's {@link ProjectQuotas#recount}).
     * Takes the project's quota lock (the row of {@code quota_lock}, held until the transaction ends) before it
     * counts, so it must be the last statement of the transaction that inserted it: two creates racing for the
     * last unit are then serialised for this count and their commit only, and the second one's count sees the
     * first one's committed row.
     */
    public Uni<Void> recount(String projectId, String resource, int limit) {
        return ProjectQuotas.recount(projectId, Map.of(resource, 1L), Map.of(resource, limit),
                () -> used(projectId, resource).map(n -> Map.of(resource, n)),
                NetworkQuotas::overQuota);
    }

    /** How many of {@code resource} the project holds (needs a session). */
    public Uni<Long> used(String projectId, String resource) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                        "SELECT count(*) FROM " + QuotaResources.TABLES.get(resource) + " WHERE project_id = :p", Long.class)
                .setParameter("p", projectId).getSingleResult());
    }

    /** Every limit of a project: the defaults with its overrides (needs a session). */
    public Uni<Map<String, Integer>> limits(String projectId) {
        return quotas.limits(projectId);
    }

    /** Sets the project's overrides of the given resources (needs a transaction). */
    public Uni<Void> override(String projectId, Map<String, Integer> limits) {
        return quotas.override(projectId, limits);
    }

    /** A deleted project: its overrides and its lock row go (needs a transaction). */
    public Uni<Void> forget(String projectId) {
        return quotas.forget(projectId);
    }

    /** Drops the project's overrides: its limits are the defaults again (needs a transaction). */
    public Uni<Void> reset(String projectId) {
        return quotas.reset(projectId);
    }

    private static RuntimeException overQuota(List<ProjectQuotas.Over> overs) {
        return Neutron.overQuota(overs.stream().map(ProjectQuotas.Over::resource).toList());
    }
}
