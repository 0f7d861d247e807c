package io.strato.network.floatingips;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.policy.Policy;
import io.strato.network.api.ListRequest;
import io.strato.network.api.ListSql;
import io.strato.network.api.Lists;
import io.strato.network.api.Neutron;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import io.strato.network.policy.NetworkPolicies;
import io.strato.network.ports.DevicePorts;
import io.strato.network.ports.FixedIp;
import io.strato.network.ports.FixedIpRequest;
import io.strato.network.quotas.NetworkQuotas;
import io.strato.network.routers.RouterAccess;
import io.strato.network.routers.Topology;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Floating IPs: an address allocated from an external network's subnets through a port there
 * ({@code network:floatingip}, device_id the floating IP), optionally associated with a fixed address
 * of a port behind a router ({@link FloatingIpAssociations}).
 */
@ApplicationScoped
public class FloatingIpService {
    static final String OWNER = "network:floatingip";
    private static final ListSql LIST = new ListSql("floating_ip", Map.ofEntries(
            Map.entry("id", "id"), Map.entry("floating_ip_address", "floating_ip_address"),
            Map.entry("floating_network_id", "floating_network_id"), Map.entry("port_id", "port_id"),
            Map.entry("fixed_ip_address", "fixed_ip_address"), Map.entry("router_id", "router_id"),
            Map.entry("status", "status"), Map.entry("description", "description"),
            Map.entry("project_id", "project_id"), Map.entry("tags", "tags"),
            Map.entry("created_at", "created_at"), Map.entry("updated_at", "updated_at"),
            Map.entry("revision_number", "revision_number")));

    private final FloatingIpRepository fips;
    private final FloatingIpAssociations associations;
    private final DevicePorts ports;
    private final NetworkQuotas quotas;
    private final NetworkEvents events;
    private final Lists lists;
    private final Policy policy;

    public FloatingIpService(FloatingIpRepository fips, FloatingIpAssociations associations, DevicePorts ports,
                             NetworkQuotas quotas, NetworkEvents events, Lists lists, Policy policy) {
        this.fips = fips;
        this.associations = associations;
        this.ports = ports;
        this.quotas = quotas;
        this.events = events;
        this.lists = lists;
        this.policy = policy;
    }

    @WithSession
    public Uni<FloatingIpView> show(Caller caller, UUID id) {
        return fips.findById(id).map(f -> visible(caller, id, f)).flatMap(this::view);
    }

    @WithSession
    public Uni<List<FloatingIpView>> list(Caller caller, ListRequest request) {
        return lists.fetch(FloatingIp.class, RouterAccess.ownedBy(LIST, request, caller, admin(caller))).flatMap(this::views);
    }

    @WithTransaction
    public Uni<FloatingIpView> create(Caller caller, FloatingIpRequest.Create request) {
        String project = request.projectId().orElse(caller.projectId());
        policy.enforce(FloatingIpPolicies.CREATE, caller, NetworkPolicies.target(project));
        if (request.floatingIpAddress() != null) {
            policy.enforce(FloatingIpPolicies.CREATE_ADDRESS, caller, NetworkPolicies.target(project));
        }
        boolean admin = admin(caller);
        UUID networkId = request.networkId();
        FloatingIp f = new FloatingIp();
        f.id = UUID.randomUUID();
        f.projectId = project;
        f.floatingNetworkId = networkId;
        f.description = request.description();
        f.tags = new ArrayList<>(request.tags());
        Instant now = StandardAttributes.now();
        f.createdAt = now;
        f.updatedAt = now;
        return quotas.claim(project, "floatingip", 1)
                .chain(() -> externalNetwork(caller, admin, networkId, request.subnetId()))
                .chain(() -> takeAddress(f, request))
                .chain(() -> fips.persistAndFlush(f))
                .chain(() -> request.portId() == null ? Uni.createFrom().voidItem()
                        : associations.associate(caller, admin, f, request.portId(), request.fixedIpAddress()))
                .chain(this::flush)
                .chain(() -> view(f))
                .call(view -> events.publish("floatingip", "created", f.id, view))
                .call(view -> f.associated() ? events.publish("floatingip", "associated", f.id, view) : Uni.createFrom().voidItem());
    }

    /**
     * port_id (a port to associate with, or null to disassociate), fixed_ip_address, description. Every change bumps
     * the revision, and its event's data is the floating IP after it: {@code associated} (a new association or a move
     * to another port or address), {@code disassociated}, or {@code updated} (the association unchanged), so that a
     * host agent keeping the copy with the highest revision always holds the current mapping.
     */
    @WithTransaction
    public Uni<FloatingIpView> update(Caller caller, UUID id, FloatingIpRequest.Update request) {
        boolean admin = admin(caller);
        return forChange(caller, id, FloatingIpPolicies.UPDATE).flatMap(f -> {
            request.description().ifPresent(d -> f.description = d);
            String before = f.portId + "/" + f.fixedIpAddress;
            Uni<Void> association;
            if (!request.portGiven()) {
                association = Uni.createFrom().voidItem();
            } else if (request.portId() == null) {
                FloatingIpAssociations.disassociate(f);
                association = Uni.createFrom().voidItem();
            } else {
                association = associations.associate(caller, admin, f, request.portId(), request.fixedIpAddress());
            }
            return association.chain(() -> {
                f.revisionNumber++;
                f.updatedAt = StandardAttributes.now();
                return flush();
            }).chain(() -> view(f)).call(view -> events.publish("floatingip",
                    before.equals(f.portId + "/" + f.fixedIpAddress) ? "updated" : f.portId == null ? "disassociated" : "associated",
                    f.id, view));
        });
    }

    /**
     * Frees the address: the floating IP goes, then its port on the external network. The deleted event carries its
     * last state with the revision bumped once more, so that it outranks every earlier event of it.
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return forChange(caller, id, FloatingIpPolicies.DELETE).flatMap(this::remove);
    }

    /**
     * Deletes the floating IPs of an external network that are not associated with a port, as Neutron does when
     * the network is deleted (inside that delete's transaction, {@link FloatingIpRelease}).
     */
    Uni<Void> deleteUnassociated(UUID networkId) {
        return fips.list("floatingNetworkId = ?1 and portId is null", networkId).flatMap(found -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (FloatingIp f : found) {
                chain = chain.chain(() -> remove(f));
            }
            return chain;
        });
    }

    private Uni<Void> remove(FloatingIp f) {
        f.revisionNumber++;
        f.updatedAt = StandardAttributes.now();
        UUID port = f.floatingPortId;
        return flush().chain(() -> view(f)).flatMap(view -> fips.delete("id", f.id).chain(this::flush)
                .chain(() -> port == null ? Uni.createFrom().voidItem() : ports.deleteFor(port))
                .chain(() -> events.publish("floatingip", "deleted", f.id, view)));
    }

    /**
     * Allocates the floating address through a port on the external network (the requested subnet or
     * address, else IPAM's choice); the port has no project, as Neutron's: it is nobody's port and
     * counts against no port quota.
     */
    private Uni<Void> takeAddress(FloatingIp f, FloatingIpRequest.Create request) {
        List<FixedIpRequest> wanted = request.subnetId() == null && request.floatingIpAddress() == null ? List.of()
                : List.of(new FixedIpRequest(request.subnetId(), request.floatingIpAddress()));
        return ports.createFor("", f.floatingNetworkId, wanted, f.id.toString(), OWNER, null)
                .flatMap(port -> ports.fixedIps(port.id).invoke(ips -> {
                    f.floatingPortId = port.id;
                    f.floatingIpAddress = ips.stream().map(FixedIp::ipAddress).filter(ip -> !ip.contains(":")).findFirst()
                            .orElseThrow(() -> Neutron.badRequest("ExternalIpAddressExhausted",
                                    "Unable to find any IP address on external network " + f.floatingNetworkId + "."));
                }))
                .replaceWithVoid();
    }

    /**
     * 404 NetworkNotFound when the caller cannot see the network, 400 when it is not external, has no
     * IPv4 subnet, or does not hold the requested subnet.
     */
    private Uni<Void> externalNetwork(Caller caller, boolean admin, UUID networkId, UUID subnetId) {
        return Topology.network(networkId).flatMap(net -> {
            if (net == null || !net.visibleTo(caller, admin)) {
                throw Neutron.notFound("Network", networkId);
            }
            if (!net.external()) {
                throw FloatingIpRequest.bad("Network " + networkId + " is not a valid external network");
            }
            return Topology.subnetsOfNetwork(networkId);
        }).invoke(subnets -> {
            if (subnets.stream().noneMatch(s -> s.ipVersion() == 4)) {
                throw FloatingIpRequest.bad("Network " + networkId + " does not contain any IPv4 subnet");
            }
            if (subnetId != null && subnets.stream().noneMatch(s -> s.id().equals(subnetId) && s.ipVersion() == 4)) {
                throw Neutron.invalid("Failed to create port on network " + networkId
                        + ", because fixed_ips included invalid subnet " + subnetId + ".");
            }
        }).replaceWithVoid();
    }

    /** The floating IP locked FOR UPDATE: 404 when the caller cannot see it, 403 when they may not do this. */
    private Uni<FloatingIp> forChange(Caller caller, UUID id, String rule) {
        return fips.findById(id, LockModeType.PESSIMISTIC_WRITE).map(f -> {
            FloatingIp found = visible(caller, id, f);
            policy.enforce(rule, caller, NetworkPolicies.target(found.projectId));
            return found;
        });
    }

    private FloatingIp visible(Caller caller, UUID id, FloatingIp f) {
        if (f == null || !RouterAccess.canSee(policy, caller, f.projectId, FloatingIpPolicies.GET)) {
            throw Neutron.notFound("Floating IP", id);
        }
        return f;
    }

    private boolean admin(Caller caller) {
        return NetworkPolicies.isAdmin(policy, caller);
    }

    /**
     * Writes pending changes; a concurrent association of the same fixed address that the check could not
     * see is caught by {@code floating_ip_fixed_uq} and answered as Neutron does.
     */
    private Uni<Void> flush() {
        return Panache.getSession().flatMap(s -> s.flush()).onFailure(FloatingIpService::fixedAddressTaken)
                .transform(e -> Neutron.conflict("FloatingIPPortAlreadyAssociated",
                        "Cannot associate floating IP: that fixed IP already has a floating IP."));
    }

    private static boolean fixedAddressTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("floating_ip_fixed_uq")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private Uni<FloatingIpView> view(FloatingIp f) {
        return views(List.of(f)).map(l -> l.get(0));
    }

    private Uni<List<FloatingIpView>> views(List<FloatingIp> list) {
        List<UUID> portIds = list.stream().map(f -> f.portId).filter(Objects::nonNull).distinct().toList();
        return Topology.ports(portIds).map(ports -> list.stream()
                .map(f -> FloatingIpView.of(f, f.portId == null ? null : ports.get(f.portId))).toList());
    }
}
