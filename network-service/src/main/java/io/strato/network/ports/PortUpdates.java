package io.strato.network.ports;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.network.api.StandardAttributes;
import io.strato.network.events.NetworkEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Port update, binding included (a {@code binding:host_id} set by compute binds the port): attributes,
 * MAC, security groups and addresses, under the port's row lock.
 */
@ApplicationScoped
public class PortUpdates {
    private final PortAccess access;
    private final PortAddresses addresses;
    private final PortSecurityGroups groups;
    private final PortQueries queries;
    private final NetworkEvents events;
    private final HostBindings bindings;

    public PortUpdates(PortAccess access, PortAddresses addresses, PortSecurityGroups groups, PortQueries queries,
                       NetworkEvents events, HostBindings bindings) {
        this.bindings = bindings;
        this.access = access;
        this.addresses = addresses;
        this.groups = groups;
        this.queries = queries;
        this.events = events;
    }

    @WithTransaction
    public Uni<PortDetails> update(Caller caller, UUID id, PortRequest r) {
        return access.visible(caller, id, LockModeType.PESSIMISTIC_WRITE).flatMap(p -> access.network(p.networkId).flatMap(net -> {
            access.enforce(PortPolicies.UPDATE, caller, PortPolicies.target(p.projectId, net), r);
            String hostBefore = p.bindingHostId;
            String statusBefore = p.status;
            return Panache.getSession().flatMap(s -> groups.ofPorts(s, List.of(p.id)).flatMap(current -> {
                List<UUID> had = current.getOrDefault(p.id, List.of());
                boolean security = r.portSecurityEnabled().orElse(p.portSecurityEnabled);
                List<UUID> wanted = r.securityGroups().orElse(had);
                List<Map<String, String>> pairs = r.allowedAddressPairs().orElse(p.allowedAddressPairs);
                PortSecurityGroups.checkPortSecurity(security, wanted, pairs, r.securityGroups().isEmpty());
                Uni<Void> mac = r.macAddress().isEmpty() || r.macAddress().get().equals(p.macAddress) ? Uni.createFrom().voidItem()
                        : addresses.changeMac(s, p, r.macAddress().get());
                return mac.chain(() -> r.securityGroups().isPresent() ? groups.check(s, access.isAdmin(caller), p.projectId, wanted)
                                .chain(() -> groups.set(s, p.id, wanted)) : Uni.createFrom().voidItem())
                        .chain(() -> r.fixedIps().isPresent()
                                ? addresses.replace(s, p, r.fixedIps().get(), r.deviceOwner().orElse(p.deviceOwner))
                                : Uni.createFrom().voidItem())
                        .invoke(() -> {
                            p.portSecurityEnabled = security;
                            p.allowAddressPairs(pairs);
                            r.applyTo(p, net);
                            p.touched(StandardAttributes.now());
                        })
                        .chain(() -> bindings.settle(p, hostBefore, statusBefore))
                        .chain(s::flush)
                        .chain(() -> queries.details(p));
            })).call(shown -> {
                boolean bound = !p.bindingHostId.isEmpty() && !p.bindingHostId.equals(hostBefore);
                return events.publish("port", bound ? "bound" : "updated", p.id, PortView.of(shown, true));
            });
        }));
    }
}
