package io.strato.volume.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
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

/** Cinder's volume types and their extra specs: everyone reads the public ones, admins manage them. */
@Path("/v3/{project_id}/types")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class VolumeTypeResource {
    private final VolumeTypeService service;
    private final Policy policy;
    private final CurrentCaller callers;

    public VolumeTypeResource(VolumeTypeService service, Policy policy, CurrentCaller callers) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<VolumeTypeView.Many> list(@PathParam("project_id") String project, @QueryParam("is_public") String isPublic) {
        boolean admin = reader(project);
        return service.list(admin, isPublic).map(l -> new VolumeTypeView.Many(l.stream().map(VolumeTypeView::of).toList()));
    }

    @GET
    @Path("default")
    public Uni<VolumeTypeView.One> defaultType(@PathParam("project_id") String project) {
        reader(project);
        return service.get(VolumeType.DEFAULT_NAME, true).map(VolumeTypeResource::one);
    }

    @GET
    @Path("{id}")
    public Uni<VolumeTypeView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        boolean admin = reader(project);
        return service.get(id, admin).map(VolumeTypeResource::one);
    }

    @POST
    public Uni<VolumeTypeView.One> create(@PathParam("project_id") String project, VolumeTypeRequest.CreateBody body) {
        manager(project);
        return service.create(RequestBodies.unwrap(body, VolumeTypeRequest.CreateBody::volumeType, "volume_type"))
                .map(VolumeTypeResource::one);
    }

    @PUT
    @Path("{id}")
    public Uni<VolumeTypeView.One> update(@PathParam("project_id") String project, @PathParam("id") String id,
                                          VolumeTypeRequest.UpdateBody body) {
        manager(project);
        return service.update(id, RequestBodies.unwrap(body, VolumeTypeRequest.UpdateBody::volumeType, "volume_type"))
                .map(VolumeTypeResource::one);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("id") String id) {
        manager(project);
        return service.delete(id).map(v -> Response.accepted().build());
    }

    @GET
    @Path("{id}/extra_specs")
    public Uni<VolumeTypeView.ExtraSpecs> specs(@PathParam("project_id") String project, @PathParam("id") String id) {
        boolean admin = reader(project);
        return service.get(id, admin).map(t -> new VolumeTypeView.ExtraSpecs(VolumeTypeView.specs(t)));
    }

    @GET
    @Path("{id}/extra_specs/{key}")
    public Uni<Map<String, String>> spec(@PathParam("project_id") String project, @PathParam("id") String id,
                                         @PathParam("key") String key) {
        boolean admin = reader(project);
        return service.get(id, admin).map(t -> {
            if (!t.extraSpecs.containsKey(key)) {
                throw new NotFound("Volume Type " + t.id + " has no extra specs with key " + key + ".");
            }
            return Map.of(key, t.extraSpecs.get(key));
        });
    }

    @POST
    @Path("{id}/extra_specs")
    public Uni<VolumeTypeView.ExtraSpecs> setSpecs(@PathParam("project_id") String project, @PathParam("id") String id,
                                                   VolumeTypeRequest.ExtraSpecsBody body) {
        manager(project);
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        JsonNode specs = body.extraSpecs();
        if (specs == null || !specs.isObject()) {
            throw new InvalidInput("The request body must be {\"extra_specs\": {...}}.");
        }
        return service.setSpecs(id, specs).map(VolumeTypeView.ExtraSpecs::new);
    }

    @PUT
    @Path("{id}/extra_specs/{key}")
    public Uni<Map<String, String>> setSpec(@PathParam("project_id") String project, @PathParam("id") String id,
                                            @PathParam("key") String key, Map<String, JsonNode> body) {
        manager(project);
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        if (body.size() != 1 || !body.containsKey(key)) {
            throw new InvalidInput("The request body must be {\"" + key + "\": \"value\"} (one key, the one in the URL).");
        }
        return service.setSpecs(id, JsonNodeFactory.instance.objectNode().setAll(body));
    }

    @DELETE
    @Path("{id}/extra_specs/{key}")
    public Uni<Response> unsetSpec(@PathParam("project_id") String project, @PathParam("id") String id,
                                  @PathParam("key") String key) {
        manager(project);
        return service.unsetSpec(id, key).map(v -> Response.accepted().build());
    }

    private static VolumeTypeView.One one(VolumeType t) {
        return new VolumeTypeView.One(VolumeTypeView.of(t));
    }

    /** Checks the caller may read types in this project; true for an admin. */
    private boolean reader(String project) {
        return ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.READ);
    }

    private void manager(String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.MANAGE_TYPES, Map.of());
    }
}
