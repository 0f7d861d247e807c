package io.strato.compute.servergroups;

import io.quarkus.security.Authenticated;
import io.strato.compute.api.ApiVersion;
import io.smallrye.mutiny.Uni;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.rest.BodyRecords;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Ids;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Nova's os-server-groups: list (all_projects for admins, limit/offset), create, show, delete. */
@Path("/v2.1/os-server-groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ServerGroupResource {
    private static final int MAX_LIMIT = 1000;

    private final ServerGroupService groups;
    private final Policy policy;
    private final CurrentCaller callers;

    private final ApiVersion version;

    public ServerGroupResource(ServerGroupService groups, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.version = version;
        this.groups = groups;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    @io.strato.compute.api.QueryKeys({"all_projects", "limit", "offset"})
    public Uni<ServerGroupView.Many> index(@QueryParam("all_projects") String allProjects, @QueryParam("limit") String limit,
                                          @QueryParam("offset") String offset) {
        Caller caller = callers.get();
        policy.enforce(ServerGroupPolicies.INDEX, caller, NovaBaseRules.project(caller.projectId()));
        boolean all = allProjects != null && Booleans.parse(allProjects).orElse(true)
                && policy.allowed(ServerGroupPolicies.INDEX_ALL, caller, Map.of());
        return groups.list(all ? null : caller.projectId(), number(offset, "offset", 0), Math.max(1, number(limit, "limit", MAX_LIMIT)))
                .map(list -> new ServerGroupView.Many(list.stream().map(g -> ServerGroupView.of(g, version.get())).toList()));
    }

    @POST
    public Uni<ServerGroupView.One> create(ServerGroupBody body) {
        Caller caller = callers.get();
        policy.enforce(ServerGroupPolicies.CREATE, caller, NovaBaseRules.project(caller.projectId()));
        ServerGroupRequest r = ServerGroupRequest.parse(BodyRecords.json(body), version.get());
        return groups.create(caller, r).map(g -> new ServerGroupView.One(
                ServerGroupView.of(new ServerGroupService.WithMembers(g, List.of()), version.get())));
    }

    @GET
    @Path("{id}")
    public Uni<ServerGroupView.One> show(@PathParam("id") String id) {
        Caller caller = callers.get();
        return groups.show(uuid(id)).map(g -> {
            policy.enforce(ServerGroupPolicies.SHOW, caller, NovaBaseRules.project(g.group().projectId));
            return new ServerGroupView.One(ServerGroupView.of(g, version.get()));
        });
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        UUID groupId = uuid(id);
        return groups.find(groupId)
                .invoke(g -> policy.enforce(ServerGroupPolicies.DELETE, caller, NovaBaseRules.project(g.projectId)))
                .chain(() -> groups.delete(groupId))
                .map(v -> Response.noContent().build());
    }

    private static UUID uuid(String id) {
        return Ids.orNotFound(id, () -> ServerGroupService.notFound(id));
    }

    private static int number(String value, String name, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, name.equals("limit") ? MAX_LIMIT : Integer.MAX_VALUE);
        } catch (NumberFormatException e) {
            throw new InvalidInput("Invalid input for query parameters " + name + ". Value: " + value + ". It must be a non-negative integer.");
        }
    }
}
