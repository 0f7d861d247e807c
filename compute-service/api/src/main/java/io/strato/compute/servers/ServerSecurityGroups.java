package io.strato.compute.servers;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.Networks;
import io.strato.compute.clients.RemoteFailure;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.Unavailable;
import io.strato.kit.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * addSecurityGroup and removeSecurityGroup, as Nova's security_group_api does them with Neutron: the group is
 * found by id or by name in the caller's project (404 when none, 409 when the name is not unique), then every
 * port of the server gets it (or loses it). The server's record of its groups, which its views show, follows.
 */
@ApplicationScoped
public class ServerSecurityGroups {
    private final ServerQueries queries;
    private final ServerRepository servers;
    private final Policy policy;
    private final Networks networks;

    ServerSecurityGroups(ServerQueries queries, ServerRepository servers, Policy policy, Networks networks) {
        this.queries = queries;
        this.servers = servers;
        this.policy = policy;
        this.networks = networks;
    }

    public Uni<Void> add(Caller caller, String token, UUID id, String name) {
        return allowed(caller, id, ServerPolicies.ADD_SECURITY_GROUP)
                .chain(() -> group(caller, token, name))
                .chain(group -> networks.portSecurityOf(id).chain(ports -> {
                    if (ports.isEmpty()) {
                        throw noPorts(id);
                    }
                    if (ports.stream().anyMatch(p -> !p.applicable())) {
                        throw new InvalidInput("Network requires port_security_enabled and subnet associated in order"
                                + " to apply security groups.");
                    }
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (Networks.PortSecurity p : ports) {
                        if (!p.securityGroups().contains(group.id())) {
                            List<UUID> groups = new ArrayList<>(p.securityGroups());
                            groups.add(group.id());
                            done = done.chain(() -> update(p.portId(), groups));
                        }
                    }
                    return done;
                }).chain(() -> record(id, groups -> {
                    groups.removeIf(g -> group.id().equals(g.id()) || (g.id() == null && group.name().equals(g.name())));
                    groups.add(new Server.SecurityGroup(group.name(), group.id()));
                })));
    }

    public Uni<Void> remove(Caller caller, String token, UUID id, String name) {
        return allowed(caller, id, ServerPolicies.REMOVE_SECURITY_GROUP)
                .chain(() -> group(caller, token, name))
                .chain(group -> networks.portSecurityOf(id).chain(ports -> {
                    if (ports.isEmpty()) {
                        throw noPorts(id);
                    }
                    List<Networks.PortSecurity> having = ports.stream()
                            .filter(p -> p.securityGroups().contains(group.id())).toList();
                    if (having.isEmpty()) {
                        throw new NotFound("Security group " + name + " not associated with the instance " + id);
                    }
                    Uni<Void> done = Uni.createFrom().voidItem();
                    for (Networks.PortSecurity p : having) {
                        List<UUID> groups = new ArrayList<>(p.securityGroups());
                        groups.remove(group.id());
                        done = done.chain(() -> update(p.portId(), groups));
                    }
                    return done;
                }).chain(() -> record(id, groups -> groups.removeIf(g -> group.id().equals(g.id())
                        || (g.id() == null && group.name().equals(g.name()))))));
    }

    /** The server exists for the caller, and the rule allows the caller to change its groups. */
    private Uni<Void> allowed(Caller caller, UUID id, String rule) {
        return Panache.withSession(() -> queries.visible(caller, id, false).invoke(s ->
                policy.enforce(rule, caller, ServerPolicies.target(s.projectId, null)))).replaceWithVoid();
    }

    private Uni<Networks.SecurityGroupRef> group(Caller caller, String token, String name) {
        return networks.securityGroupsByNameOrId(name, caller.projectId(), token).map(found -> {
            if (found.isEmpty()) {
                throw new NotFound("Security group " + name + " is not found for project " + caller.projectId());
            }
            if (found.size() > 1) {
                throw new Conflict("Multiple security_group matches found for name '" + name
                        + "', use an ID to be more specific.");
            }
            return found.get(0);
        });
    }

    private Uni<Void> update(UUID portId, List<UUID> groups) {
        return networks.setSecurityGroups(portId, groups).onFailure(RemoteFailure.class).transform(e -> {
            RemoteFailure f = (RemoteFailure) e;
            return switch (f.status()) {
                case 400 -> new InvalidInput(f.getMessage());
                case 409 -> new Conflict(f.getMessage());
                case 404 -> new NotFound(f.getMessage());
                default -> new Unavailable(f.getMessage());
            };
        });
    }

    private Uni<Void> record(UUID id, java.util.function.Consumer<List<Server.SecurityGroup>> change) {
        return Panache.withTransaction(() -> servers.lock(id).invoke(s -> {
            if (s != null) {
                List<Server.SecurityGroup> groups = new ArrayList<>(s.securityGroups);
                change.accept(groups);
                s.securityGroups = groups;
                s.updatedAt = InstanceActions.now();
            }
        })).replaceWithVoid();
    }

    private static NotFound noPorts(UUID id) {
        return new NotFound("instance_id " + id + " could not be found as device id on any ports");
    }
}
