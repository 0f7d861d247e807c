package io.strato.volume.types;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
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
        Caller caller = callers.get();
        boolean admin = reader(caller, project);
        VolumeTypeView.Keys keys = shown(caller, project, admin);
        return service.list(admin, caller.projectId(), isPublic)
                .map(l -> new VolumeTypeView.Many(l.stream().map(t -> VolumeTypeView.of(t, keys)).toList()));
    }

    @GET
    @Path("default")
    public Uni<VolumeTypeView.One> defaultType(@PathParam("project_id") String project) {
        Caller caller = callers.get();
        boolean admin = reader(caller, project);
        return service.get(VolumeType.DEFAULT_NAME, true, null).map(t -> one(t, shown(caller, project, admin)));
    }

    @GET
    @Path("{id}")
    public Uni<VolumeTypeView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = reader(caller, project);
        return service.get(id, admin, caller.projectId()).map(t -> one(t, shown(caller, project, admin)));
    }

    @POST
    public Uni<VolumeTypeView.One> create(@PathParam("project_id") String project, VolumeTypeRequest.CreateBody body) {
        manager(project);
        return service.create(RequestBodies.unwrap(body, VolumeTypeRequest.CreateBody::volumeType, "volume_type"))
                .map(t -> one(t, VolumeTypeView.Keys.CREATED));
    }

    @PUT
    @Path("{id}")
    public Uni<VolumeTypeView.One> update(@PathParam("project_id") String project, @PathParam("id") String id,
                                          VolumeTypeRequest.UpdateBody body) {
        manager(project);
        return service.update(id, RequestBodies.unwrap(body, VolumeTypeRequest.UpdateBody::volumeType, "volume_type"))
                .map(t -> one(t, VolumeTypeView.Keys.UPDATED));
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
        Caller caller = callers.get();
        boolean admin = reader(caller, project);
        return service.get(id, admin, caller.projectId()).map(t -> new VolumeTypeView.ExtraSpecs(VolumeTypeView.specs(t, admin)));
    }

    @GET
    @Path("{id}/extra_specs/{key}")
    public Uni<Map<String, String>> spec(@PathParam("project_id") String project, @PathParam("id") String id,
                                         @PathParam("key") String key) {
        Caller caller = callers.get();
        boolean admin = reader(caller, project);
        return service.get(id, admin, caller.projectId()).map(t -> {
            Map<String, String> specs = VolumeTypeView.specs(t, admin);
            if (!specs.containsKey(key)) {
                throw new NotFound("Volume Type " + t.id + " has no extra specs with key " + key + ".");
            }
            return Map.of(key, specs.get(key));
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

    /** {@code POST /types/{id}/action}: Cinder's {@code addProjectAccess} and {@code removeProjectAccess} (202). */
    @POST
    @Path("{id}/action")
    public Uni<Response> action(@PathParam("project_id") String project, @PathParam("id") String id,
                                VolumeTypeRequest.ActionBody body) {
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        boolean add = body.addProjectAccess() != null;
        if (add == (body.removeProjectAccess() != null)) {
            throw new InvalidInput("The action body must name exactly one of addProjectAccess and removeProjectAccess.");
        }
        ProjectPath.authorize(policy, callers.get(), project,
                add ? VolumePolicies.TYPE_ACCESS_ADD : VolumePolicies.TYPE_ACCESS_REMOVE, Map.of());
        String target = (add ? body.addProjectAccess() : body.removeProjectAccess()).project(add ? "addProjectAccess"
                : "removeProjectAccess");
        return (add ? service.addAccess(id, target) : service.removeAccess(id, target))
                .map(v -> Response.accepted().build());
    }

    /** {@code GET /types/{id}/os-volume-type-access}: the projects that may use a private type (admins). */
    @GET
    @Path("{id}/os-volume-type-access")
    public Uni<VolumeTypeView.AccessList> access(@PathParam("project_id") String project, @PathParam("id") String id) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.TYPE_ACCESS_LIST, Map.of());
        return service.access(id).map(VolumeTypeView.AccessList::of);
    }

    private static VolumeTypeView.One one(VolumeType t, VolumeTypeView.Keys keys) {
        return new VolumeTypeView.One(VolumeTypeView.of(t, keys));
    }

    /** The keys of a show or list: the access key for those Cinder's volume_type_access policy lets see it. */
    private VolumeTypeView.Keys shown(Caller caller, String project, boolean admin) {
        return VolumeTypeView.Keys.shown(admin, policy.allowed(VolumePolicies.TYPE_ACCESS, caller, Map.of("project_id", project)));
    }

    /** Checks the caller may read types in this project; true for an admin. */
    private boolean reader(Caller caller, String project) {
        return ProjectPath.authorize(policy, caller, project, VolumePolicies.READ);
    }

    private void manager(String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.MANAGE_TYPES, Map.of());
    }
}
