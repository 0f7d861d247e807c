package io.strato.compute.scheduler;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Nova's filter scheduler with the claim made here, in the caller's transaction: filter and weigh the
 * hosts, then claim on the best one with a conditional UPDATE ({@link Claims}); when a concurrent
 * request took the room first, the next best is tried. When nothing fits: {@link NoValidHost}.
 *
 * <p>A request with a server group first locks the group row, so the decisions of one group are
 * made one at a time: two anti-affinity members scheduled at once cannot both pick the same host
 * (the second sees the first's allocation). The locks (group row, claimed host row) are held until
 * the caller commits, so the caller should commit soon after scheduling.
 */
@ApplicationScoped
public class Scheduler {
    private static final Logger LOG = Logger.getLogger(Scheduler.class);

    private final HostStates states;
    private final Claims claims;
    private final HostSelector selector;

    public Scheduler(HostStates states, Claims claims, HostSelector selector) {
        this.states = states;
        this.claims = claims;
        this.selector = selector;
    }

    /**
     * Places the server and claims its flavor on the chosen host (any earlier claim of the same
     * server is released first, so a reschedule holds one claim). Must run inside the caller's
     * transaction; the claim commits or rolls back with it.
     *
     * @return the chosen host
     */
    public Uni<String> schedule(RequestSpec spec) {
        // locks in one order everywhere: the group row, then host rows (release, claim)
        return lockGroup(spec)
                .chain(() -> claims.release(spec.serverId()))
                .chain(() -> states.load(spec))
                .chain(hosts -> {
                    HostSelector.Selection selection = selector.select(hosts, spec);
                    if (selection.ranked().isEmpty()) {
                        LOG.infof("no valid host for server %s (flavor %s, %d host(s)): %s returned none",
                                spec.serverId(), spec.flavor().name(), hosts.size(), selection.emptiedBy());
                        return Uni.createFrom().failure(new NoValidHost());
                    }
                    return claimFirst(spec, selection.ranked(), 0);
                });
    }

    private Uni<String> claimFirst(RequestSpec spec, List<HostState> ranked, int i) {
        if (i == ranked.size()) {
            LOG.infof("no valid host for server %s: %d candidate(s) filled up by concurrent claims",
                    spec.serverId(), ranked.size());
            return Uni.createFrom().failure(new NoValidHost());
        }
        String host = ranked.get(i).host();
        return claims.tryClaim(spec.serverId(), host, spec.flavor())
                .chain(claimed -> {
                    if (claimed) {
                        LOG.debugf("server %s scheduled to %s", spec.serverId(), host);
                        return Uni.createFrom().item(host);
                    }
                    return claimFirst(spec, ranked, i + 1);
                });
    }

    private static Uni<Void> lockGroup(RequestSpec spec) {
        if (spec.groupId() == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT CAST(id AS text) FROM server_group WHERE id = :g FOR UPDATE", String.class)
                .setParameter("g", spec.groupId()).getResultList()).replaceWithVoid();
    }
}
