package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import io.strato.network.networks.Network;
import io.strato.network.quotas.NetworkQuotas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Port create through the port API: policy, MAC, security groups, addresses, the event, and last the project's
 * port count against its limit. Creates of one project do not wait on each other's transactions: IPAM shares
 * the subnet lock and skips addresses being taken, and the project's quota lock (only for a limited quota) is
 * taken by the last statement, so it is held for one count and the commit.
 */
@ApplicationScoped
public class PortCreates {
    private final PortAccess access;
    private final PortAddresses addresses;
    private final PortSecurityGroups groups;
    private final ProjectQueue queue;
    private final NetworkQuotas quota;
    private final NetworkEvents events;
    private final HostBindings bindings;

    public PortCreates(PortAccess access, PortAddresses addresses, PortSecurityGroups groups, ProjectQueue queue,
                       NetworkQuotas quota, NetworkEvents events, HostBindings bindings) {
        this.bindings = bindings;
        this.access = access;
        this.addresses = addresses;
        this.groups = groups;
        this.queue = queue;
        this.quota = quota;
        this.events = events;
    }

    /** Creates a port, queued behind no more than {@link ProjectQueue#width()} running creates of its project. */
    public Uni<PortDetails> create(Caller caller, PortRequest r) {
        return queue.run(r.projectId().orElse(caller.projectId()), () -> Panache.withTransaction(() -> createNow(caller, r)));
    }

    private Uni<PortDetails> createNow(Caller caller, PortRequest r) {
        UUID networkId = r.networkId().orElseThrow();
        String project = r.projectId().orElse(caller.projectId());
        // the limit is read with no lock; only a limited project counts its ports, at the end
        return quota.limit(project, "port").flatMap(limit -> access.network(caller, networkId, LockModeType.PESSIMISTIC_READ)
                // FOR SHARE: the network cannot be deleted under the new port
                .flatMap(net -> {
            access.enforce(PortPolicies.CREATE, caller, PortPolicies.target(project, net), r);
            Port p = newPort(project, net);
            p.macAddress = r.macAddress().orElse(null);
            p.portSecurityEnabled = r.portSecurityEnabled().orElse(net.portSecurityEnabled);
            r.applyTo(p, net);
            List<Map<String, String>> pairs = r.allowedAddressPairs().orElse(List.of());
            PortSecurityGroups.checkPortSecurity(p.portSecurityEnabled, r.securityGroups().orElse(List.of()), pairs, false);
            // no lock is held across the transaction by other creates: IPAM takes its subnets FOR SHARE and skips
            // the addresses other transactions are taking; the project's quota lock is the very last statement
            return Panache.getSession().flatMap(s -> groups.forNewPort(s, access.isAdmin(caller), p, r.securityGroups())
                    .flatMap(sgs -> bindings.settle(p, "", "DOWN").chain(() -> addresses.assignMac(s, p))
                    .invoke(() -> p.allowAddressPairs(pairs))
                    .chain(() -> s.persist(p)).chain(s::flush)
                    .chain(() -> groups.add(s, p.id, sgs))
                    .chain(() -> addresses.spaces(net.id))
                    .flatMap(spaces -> addresses.allocate(s, spaces, r.fixedIps().orElse(null), p))
                    .map(ips -> new PortDetails(p, ips, sgs))))
                    .call(shown -> events.publish("port", "created", p.id, PortView.of(shown, true)))
                    .call(shown -> p.bindingHostId.isEmpty() ? Uni.createFrom().voidItem()
                            : events.publish("port", "bound", p.id, PortView.of(shown, true)))
                    // the new port is counted already: over the limit, the whole create rolls back
                    .call(() -> quota.recount(project, "port", limit));
        }));
    }

    /** A new port of {@code project} on {@code net}, with its id and times. */
    static Port newPort(String project, Network net) {
        Port p = new Port();
        p.id = UUID.randomUUID();
        p.projectId = project;
        p.networkId = net.id;
        p.createdAt = StandardAttributes.now();
        p.updatedAt = p.createdAt;
        return p;
    }
}
