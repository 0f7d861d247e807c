package io.strato.compute.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * network-service's security groups and rules as Nova's os-security-groups proxy uses them, with the caller's
 * token (a user sees and changes the groups Neutron lets them). Answers are Neutron's JSON; refusals are
 * {@link RemoteFailure}s with Neutron's status and message.
 */
@ApplicationScoped
public class NeutronSecurityGroups {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final NeutronApi neutron;

    NeutronSecurityGroups(NeutronApi neutron) {
        this.neutron = neutron;
    }

    /** The groups of a project (null: every group the token sees), Neutron's {@code security_groups} array. */
    public Uni<JsonNode> list(String projectId, String token) {
        return call(() -> neutron.securityGroupsOfProject(projectId, token)).map(b -> b.path("security_groups"));
    }

    public Uni<JsonNode> show(String id, String token) {
        return call(() -> neutron.securityGroup(id, token)).map(b -> b.path("security_group"));
    }

    public Uni<JsonNode> create(String name, String description, String token) {
        String body = wrap("security_group", group(name, description));
        return call(() -> neutron.createSecurityGroup(body, token)).map(b -> b.path("security_group"));
    }

    public Uni<JsonNode> update(String id, String name, String description, String token) {
        String body = wrap("security_group", group(name, description));
        return call(() -> neutron.updateSecurityGroup(id, body, token)).map(b -> b.path("security_group"));
    }

    public Uni<Void> delete(String id, String token) {
        return call(() -> neutron.deleteSecurityGroup(id, token)).replaceWithVoid();
    }

    /** Creates one rule (Neutron's {@code security_group_rule} object); Neutron's rule JSON. */
    public Uni<JsonNode> createRule(ObjectNode rule, String token) {
        String body = wrap("security_group_rule", rule);
        return call(() -> neutron.createSecurityGroupRule(body, token)).map(b -> b.path("security_group_rule"));
    }

    public Uni<JsonNode> showRule(String id, String token) {
        return call(() -> neutron.securityGroupRule(id, token)).map(b -> b.path("security_group_rule"));
    }

    public Uni<Void> deleteRule(String id, String token) {
        return call(() -> neutron.deleteSecurityGroupRule(id, token)).replaceWithVoid();
    }

    private static ObjectNode group(String name, String description) {
        return MAPPER.createObjectNode().put("name", name).put("description", description);
    }

    private static String wrap(String key, ObjectNode value) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set(key, value);
        return root.toString();
    }

    private static Uni<JsonNode> call(java.util.function.Supplier<Uni<jakarta.ws.rs.core.Response>> request) {
        return Remote.forCaller(Networks.SERVICE, request);
    }
}
