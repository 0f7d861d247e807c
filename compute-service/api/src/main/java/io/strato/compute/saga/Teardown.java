package io.strato.compute.saga;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.Networks;
import io.strato.compute.clients.RemoteFailure;
import io.strato.compute.scheduler.Claims;
import io.strato.compute.servers.InstanceActions;
import io.strato.compute.servers.Server;
import io.strato.compute.servers.ServerEvents;
import io.strato.compute.servers.ServerRepository;
import io.strato.compute.volumes.AttachmentRelease;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Gives back what a server holds: its ports (deleted when compute made them, unbound when the user gave
 * them), its claim, and on delete the row itself. Worker steps, in one transaction with the row locked;
 * a network-service that cannot be reached makes the step wait and retry.
 */
@ApplicationScoped
public class Teardown {
    private static final Logger LOG = Logger.getLogger(Teardown.class);

    private final Networks networks;
    private final Claims claims;
    private final ServerRepository servers;
    private final ServerEvents events;
    private final BuildSteps steps;
    private final AttachmentRelease volumes;

    Teardown(Networks networks, Claims claims, ServerRepository servers, ServerEvents events, BuildSteps steps,
             AttachmentRelease volumes) {
        this.networks = networks;
        this.claims = claims;
        this.servers = servers;
        this.events = events;
        this.steps = steps;
        this.volumes = volumes;
    }

    /** A server in ERROR whose ports are still out there: give them back. */
    public Uni<Void> cleanUp(Server s) {
        return releasePorts(s)
                .chain(() -> servers.replacePorts(s.id, List.of()))
                .invoke(() -> {
                    s.pendingCleanup = false;
                    s.retryAt = null;
                })
                .onFailure(RemoteFailure.class).recoverWithUni(e -> retry(s, e));
    }

    /** The last step of a delete (the agent removed the domain, or no agent has to): ports, volumes, claim, row. */
    public Uni<Void> finishDelete(Server s) {
        return releasePorts(s)
                .chain(() -> volumes.releaseAll(s.id))
                .chain(() -> claims.release(s.id))
                .chain(() -> events.publish(s, ServerEvents.DELETED))
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                                "delete from console_output where server_id = :id")
                        .setParameter("id", s.id).executeUpdate()))
                .chain(() -> servers.delete("id", s.id).replaceWithVoid())
                .invoke(() -> LOG.debugf("server %s deleted", s.id))
                .onFailure(RemoteFailure.class).recoverWithUni(e -> retry(s, e));
    }

    private Uni<Void> retry(Server s, Throwable e) {
        RemoteFailure f = (RemoteFailure) e;
        LOG.warnf("server %s: giving back its ports or volumes failed (%s); retrying", s.id, f.getMessage());
        return steps.retryLater(s);
    }

    /**
     * Deletes the ports compute created for the server and unbinds the user's ones. Ports network-service lists
     * for the server are the truth (a port made just before a crash has no row yet); a port already gone is fine.
     */
    Uni<Void> releasePorts(Server s) {
        Set<UUID> userPorts = new HashSet<>();
        s.requestedNetworks.stream().map(Server.RequestedNetwork::portId).filter(Objects::nonNull).forEach(userPorts::add);
        if (s.requestedNetworks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return networks.portsOf(s.id).chain(ports -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Networks.PortInfo p : ports) {
                if (userPorts.contains(p.id())) {
                    chain = chain.chain(() -> networks.unbind(p.id()));
                } else if (Networks.DEVICE_OWNER.equals(p.deviceOwner())) {
                    chain = chain.chain(() -> networks.delete(p.id()));
                }
            }
            return chain;
        }).invoke(() -> s.updatedAt = InstanceActions.now());
    }
}
