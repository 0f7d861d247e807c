package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.Multi;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/**
 * The ports other features own (router interfaces and gateways, floating IPs): created, bound and deleted
 * inside the CALLER's transaction, with no quota, no security groups and port security off.
 */
@ApplicationScoped
public class DevicePorts {
    private final PortAccess access;
    private final PortAddresses addresses;
    private final PortDeletes deletes;
    private final PortRepository ports;
    private final PortQueries queries;
    private final HostBindings bindings;
    private final NetworkEvents events;

    public DevicePorts(PortAccess access, PortAddresses addresses, PortDeletes deletes, PortRepository ports,
                       PortQueries queries, HostBindings bindings, NetworkEvents events) {
        this.access = access;
        this.addresses = addresses;
        this.deletes = deletes;
        this.ports = ports;
        this.queries = queries;
        this.bindings = bindings;
        this.events = events;
    }

    /**
     * Creates a port of {@code deviceOwner} (a router, a floating IP) on the network, with the requested addresses.
     *
     * @param host the host to bind it to (a router's), or null: unbound. An unbound router port is ACTIVE, as it has
     *             always been where no agent hosts routers; a bound one follows {@link HostBindings}; a floating IP's
     *             port has no status (N/A) and is never bound
     */
    public Uni<Port> createFor(String projectId, UUID networkId, List<FixedIpRequest> fixedIps, String deviceId, String deviceOwner,
                               String host) {
        return Panache.getSession().flatMap(s -> access.network(networkId).flatMap(net -> {
            Port p = PortCreates.newPort(projectId, net);
            p.deviceId = deviceId == null ? "" : deviceId;
            p.deviceOwner = deviceOwner == null ? "" : deviceOwner;
            p.portSecurityEnabled = false;
            p.status = p.floatingIpPort() ? "N/A" : "ACTIVE";
            if (host != null && !p.floatingIpPort()) {
                Binding.bind(p, net, host);
                Binding.refreshStatus(p);
            }
            return bindings.settle(p, "", "DOWN").chain(() -> addresses.assignMac(s, p)).chain(() -> s.persist(p)).chain(s::flush)
                    .chain(() -> addresses.spaces(net.id))
                    .flatMap(spaces -> addresses.allocate(s, spaces, fixedIps, p))
                    .map(ips -> PortView.of(p, ips, List.of(), true))
                    .call(view -> events.publish("port", "created", p.id, view))
                    .call(view -> p.bindingHostId.isEmpty() ? Uni.createFrom().voidItem() : events.publish("port", "bound", p.id, view))
                    .replaceWith(p);
        }));
    }

    /**
     * Binds every port of {@code deviceId} with one of {@code owners} to {@code host} (null or empty: unbinds them), as
     * a port update through the API would: binding, status ({@link HostBindings}), revision, and a {@code port.bound}
     * event ({@code port.updated} for an unbinding). Ports already bound there are left alone. The ports are locked
     * FOR UPDATE, in id order.
     *
     * @return how many ports changed
     */
    public Uni<Integer> bindAll(String deviceId, List<String> owners, String host) {
        String to = host == null ? "" : host;
        return ports.find("deviceId = ?1 and deviceOwner in ?2 and bindingHostId <> ?3 order by id", deviceId, owners, to)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .flatMap(found -> Multi.createFrom().iterable(found).onItem().transformToUniAndConcatenate(p -> rebind(p, to))
                        .collect().asList().map(List::size));
    }

    private Uni<Void> rebind(Port p, String host) {
        String hostBefore = p.bindingHostId;
        String statusBefore = p.status;
        return access.network(p.networkId).flatMap(net -> {
            Binding.bind(p, net, host);
            Binding.refreshStatus(p);
            p.touched(StandardAttributes.now());
            return bindings.settle(p, hostBefore, statusBefore);
        }).chain(() -> Panache.getSession().flatMap(s -> s.flush())).chain(() -> queries.details(p))
                .flatMap(shown -> events.publish("port", host.isEmpty() ? "updated" : "bound", p.id, PortView.of(shown, true)));
    }

    /** Deletes such a port and frees its addresses. */
    public Uni<Void> deleteFor(UUID portId) {
        return Panache.getSession().flatMap(s -> access.port(portId).flatMap(p -> deletes.remove(s, p)));
    }

    /** The addresses of a port. Needs a session. */
    public Uni<List<FixedIp>> fixedIps(UUID portId) {
        return Panache.getSession().flatMap(s -> addresses.ofPort(s, portId));
    }
}
