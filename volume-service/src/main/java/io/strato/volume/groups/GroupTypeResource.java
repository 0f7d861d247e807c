package io.strato.volume.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.volume.api.ApiVersion;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.RequestBodies;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Cinder's group types (3.11) and their group specs: everyone reads the public ones, admins manage them. */
@Path("/v3/{project_id}/group_types")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class GroupTypeResource {
    /** Cinder 3.11: group types. */
    static final int GROUP_TYPES = 11;

    private final GroupTypeService service;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public GroupTypeResource(GroupTypeService service, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @GET
    public Uni<GroupTypeView.Many> list(@PathParam("project_id") String project, @QueryParam("is_public") String isPublic,
                                        @QueryParam("sort") String sort) {
        boolean admin = reader(project);
        return service.list(admin, isPublic, sort).map(l -> new GroupTypeView.Many(
                l.stream().map(t -> GroupTypeView.of(t, specsShown())).toList()));
    }

    @GET
    @Path("default")
    public Uni<GroupTypeView.One> defaultType(@PathParam("project_id") String project) {
        reader(project);
        // Cinder answers its default_group_type option's type; Strato configures none
        throw new NotFound("Default group type not found.");
    }

    @GET
    @Path("{id}")
    public Uni<GroupTypeView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        boolean admin = reader(project);
        return service.get(id, admin).map(t -> new GroupTypeView.One(GroupTypeView.of(t, specsShown())));
    }

    @POST
    public Uni<RestResponse<GroupTypeView.One>> create(@PathParam("project_id") String project, GroupTypeRequest.Body body) {
        manager(project, VolumePolicies.GROUP_TYPES_MANAGE);
        return service.create(RequestBodies.unwrap(body, GroupTypeRequest.Body::groupType, "group_type"))
                .map(t -> RestResponse.status(Response.Status.ACCEPTED, new GroupTypeView.One(GroupTypeView.of(t, true))));
    }

    @PUT
    @Path("{id}")
    public Uni<GroupTypeView.One> update(@PathParam("project_id") String project, @PathParam("id") String id,
                                         GroupTypeRequest.Body body) {
        manager(project, VolumePolicies.GROUP_TYPES_MANAGE);
        return service.update(id, RequestBodies.unwrap(body, GroupTypeRequest.Body::groupType, "group_type"))
                .map(t -> new GroupTypeView.One(GroupTypeView.of(t, true)));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("id") String id) {
        manager(project, VolumePolicies.GROUP_TYPES_MANAGE);
        return service.delete(id).map(v -> Response.accepted().build());
    }

    @GET
    @Path("{id}/group_specs")
    public Uni<GroupTypeView.Specs> specs(@PathParam("project_id") String project, @PathParam("id") String id) {
        manager(project, VolumePolicies.GROUP_TYPES_SPECS);
        return service.get(id, true).map(t -> new GroupTypeView.Specs(GroupTypeView.of(t, true).groupSpecs()));
    }

    @GET
    @Path("{id}/group_specs/{key}")
    public Uni<Map<String, String>> spec(@PathParam("project_id") String project, @PathParam("id") String id,
                                         @PathParam("key") String key) {
        manager(project, VolumePolicies.GROUP_TYPES_SPECS);
        return service.get(id, true).map(t -> {
            if (!t.groupSpecs.containsKey(key)) {
                throw GroupTypeService.specNotFound(t, key);
            }
            return Map.of(key, t.groupSpecs.get(key));
        });
    }

    @POST
    @Path("{id}/group_specs")
    public Uni<RestResponse<GroupTypeView.Specs>> setSpecs(@PathParam("project_id") String project, @PathParam("id") String id,
                                                           GroupTypeRequest.SpecsBody body) {
        manager(project, VolumePolicies.GROUP_TYPES_SPECS);
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        return service.setSpecs(id, body.groupSpecs())
                .map(s -> RestResponse.status(Response.Status.ACCEPTED, new GroupTypeView.Specs(s)));
    }

    @PUT
    @Path("{id}/group_specs/{key}")
    public Uni<Map<String, String>> setSpec(@PathParam("project_id") String project, @PathParam("id") String id,
                                            @PathParam("key") String key, Map<String, JsonNode> body) {
        manager(project, VolumePolicies.GROUP_TYPES_SPECS);
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        if (body.size() != 1 || !body.containsKey(key)) {
            throw new InvalidInput("Request body and URI mismatch: the body must be {\"" + key + "\": \"value\"}.");
        }
        return service.setSpecs(id, JsonNodeFactory.instance.objectNode().setAll(body));
    }

    @DELETE
    @Path("{id}/group_specs/{key}")
    public Uni<Response> unsetSpec(@PathParam("project_id") String project, @PathParam("id") String id,
                                   @PathParam("key") String key) {
        manager(project, VolumePolicies.GROUP_TYPES_SPECS);
        return service.unsetSpec(id, key).map(v -> Response.accepted().build());
    }

    /** Whether the caller sees group specs in type answers (Cinder's group:access_group_types_specs). */
    private boolean specsShown() {
        return policy.allowed(VolumePolicies.GROUP_TYPES_SPECS_ACCESS, callers.get(), Map.of());
    }

    private boolean reader(String project) {
        version.require(GROUP_TYPES);
        Caller caller = callers.get();
        return ProjectPath.authorize(policy, caller, project, VolumePolicies.READ);
    }

    private void manager(String project, String rule) {
        version.require(GROUP_TYPES);
        ProjectPath.authorize(policy, callers.get(), project, rule, Map.of());
    }
}
