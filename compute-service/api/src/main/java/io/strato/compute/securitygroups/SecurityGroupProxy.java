package io.strato.compute.securitygroups;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.NeutronSecurityGroups;
import io.strato.compute.clients.Networks;
import io.strato.compute.clients.Refusals;
import io.strato.compute.clients.RemoteFailure;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Nova's security group proxy over network-service (nova/network/security_group_api.py), with the caller's token:
 * Neutron's 404 is Nova's 404 with Neutron's message, a Neutron 409 on delete (the group is in use, or is a
 * project's default) is a 400, a 409 on create is Nova's 403 (over quota).
 */
@ApplicationScoped
public class SecurityGroupProxy {
    private final NeutronSecurityGroups neutron;
    private final Networks networks;

    SecurityGroupProxy(NeutronSecurityGroups neutron, Networks networks) {
        this.neutron = neutron;
        this.networks = networks;
    }

    /** The groups of {@code projectId} (null: every group the caller sees), with their rules' remote groups. */
    public Uni<List<SecurityGroupView>> list(String projectId, String token) {
        return neutron.list(projectId, token).onFailure(RemoteFailure.class).transform(Refusals.nova(f -> null))
                .chain(groups -> views(groups, token));
    }

    public Uni<SecurityGroupView> show(String id, String token) {
        return group(validId(id), token).chain(g -> view(g, token));
    }

    public Uni<SecurityGroupView> create(SecurityGroupRequest r, String token) {
        return neutron.create(r.name(), r.description(), token).onFailure(RemoteFailure.class)
                .transform(Refusals.nova(f -> switch (f.status()) {
                    case 400 -> new InvalidInput(f.getMessage());
                    case 409 -> new Forbidden(f.getMessage());
                    default -> null;
                })).chain(g -> view(g, token));
    }

    public Uni<SecurityGroupView> update(String id, SecurityGroupRequest r, String token) {
        return group(validId(id), token).chain(g -> neutron.update(g.path("id").asText(), r.name(), r.description(), token))
                .onFailure(RemoteFailure.class).transform(Refusals.nova(f -> switch (f.status()) {
                    case 400 -> new InvalidInput(f.getMessage());
                    case 404 -> new NotFound(f.getMessage());
                    default -> null;
                })).chain(g -> view(g, token));
    }

    public Uni<Void> delete(String id, String token) {
        return group(validId(id), token).chain(g -> neutron.delete(g.path("id").asText(), token))
                .onFailure(RemoteFailure.class).transform(Refusals.nova(f -> switch (f.status()) {
                    case 404 -> new NotFound(f.getMessage());
                    case 409, 400 -> new InvalidInput(f.getMessage());
                    default -> null;
                }));
    }

    /** Creates the rule in its parent group (404 when the parent or the remote group is not found). */
    public Uni<SecurityGroupView.Rule> createRule(RuleRequest r, String token) {
        return group(r.parentGroupId(), token).chain(parent -> (r.groupId() == null ? Uni.createFrom().<JsonNode>nullItem()
                : group(r.groupId(), token)).chain(remote -> {
            if (r.rule() == null) {
                throw new InvalidInput("Not enough parameters to build a valid rule.");
            }
            for (JsonNode existing : parent.path("security_group_rules")) {
                if ("ingress".equals(existing.path("direction").asText()) && r.rule().sameAs(existing)) {
                    throw new InvalidInput("This rule already exists in group " + parent.path("id").asText());
                }
            }
            return neutron.createRule(r.rule().toNeutron(parent.path("id").asText()), token)
                    .onFailure(RemoteFailure.class).transform(Refusals.nova(f -> switch (f.status()) {
                        case 404 -> new NotFound(f.getMessage());
                        case 409 -> new Forbidden(f.getMessage());
                        case 400 -> new InvalidInput(f.getMessage());
                        default -> null;
                    }))
                    .map(created -> SecurityGroupView.rule(created, remote == null ? null : SecurityGroupView.GroupRef.of(remote)));
        }));
    }

    public Uni<Void> deleteRule(String id, String token) {
        return neutron.showRule(validId(id), token)
                .chain(rule -> group(rule.path("security_group_id").asText(), token)
                        .chain(g -> neutron.deleteRule(rule.path("id").asText(), token)))
                .onFailure(RemoteFailure.class).transform(Refusals.nova(f -> f.status() == 404 ? new NotFound(f.getMessage()) : null));
    }

    /** The groups of the server's ports (Nova's get_instance_security_groups, detailed), by id, each once. */
    public Uni<List<SecurityGroupView>> ofServer(UUID serverId, String token) {
        return networks.portSecurityOf(serverId).onFailure(RemoteFailure.class).transform(Refusals.nova(f -> null))
                .chain(ports -> {
            Set<UUID> ids = new LinkedHashSet<>();
            ports.forEach(p -> ids.addAll(p.securityGroups()));
            List<Uni<JsonNode>> found = new ArrayList<>();
            for (UUID id : ids) {
                found.add(neutron.show(id.toString(), token).onFailure(RemoteFailure.class)
                        .recoverWithUni(e -> ((RemoteFailure) e).status() == 404 ? Uni.createFrom().nullItem()
                                : Uni.createFrom().failure(Refusals.nova(f -> null).apply((RemoteFailure) e))));
            }
            if (found.isEmpty()) {
                return Uni.createFrom().item(List.<SecurityGroupView>of());
            }
            return Uni.join().all(found).andFailFast().chain(groups -> views(
                    groups.stream().filter(g -> g != null).toList(), token));
        });
    }

    /** A group by id; Neutron's 404 is Nova's 404 with Neutron's message. */
    private Uni<JsonNode> group(String id, String token) {
        return neutron.show(id, token).onFailure(RemoteFailure.class)
                .transform(Refusals.nova(f -> f.status() == 404 ? new NotFound(f.getMessage()) : null));
    }

    private Uni<SecurityGroupView> view(JsonNode g, String token) {
        return views(List.of(g), token).map(l -> l.get(0));
    }

    /** The groups' views, the remote groups of their rules looked up once each (a group Neutron cannot show: left out). */
    private Uni<List<SecurityGroupView>> views(Iterable<JsonNode> groups, String token) {
        Map<String, SecurityGroupView.GroupRef> known = new HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        groups.forEach(g -> {
            all.add(g);
            known.put(g.path("id").asText(), SecurityGroupView.GroupRef.of(g));
        });
        Set<String> missing = new LinkedHashSet<>();
        for (JsonNode g : all) {
            for (JsonNode r : g.path("security_group_rules")) {
                String remote = r.path("remote_group_id").asText(null);
                if (remote != null && !known.containsKey(remote)) {
                    missing.add(remote);
                }
            }
        }
        Uni<Void> lookups = Uni.createFrom().voidItem();
        for (String id : missing) {
            lookups = lookups.chain(() -> neutron.show(id, token)
                    .invoke(g -> known.put(id, SecurityGroupView.GroupRef.of(g)))
                    .onFailure(RemoteFailure.class).recoverWithNull().replaceWithVoid());
        }
        return lookups.map(v -> all.stream().map(g -> SecurityGroupView.of(g, known)).toList());
    }

    /** Nova's validate_id: a path id that is not a UUID is 400 {@code Security group id should be uuid}. */
    private static String validId(String id) {
        if (Ids.parse(id).isEmpty()) {
            throw new InvalidInput("Security group id should be uuid");
        }
        return id;
    }
}
