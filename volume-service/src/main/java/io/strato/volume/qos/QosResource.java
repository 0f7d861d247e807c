package io.strato.volume.qos;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.JsonBody;
import io.strato.kit.web.Booleans;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Cinder's qos-specs API (admins only, as in Cinder). */
@Path("/v3/{project_id}/qos-specs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QosResource {
    private final QosService service;
    private final Policy policy;
    private final CurrentCaller callers;
    private final JsonBody json;

    public QosResource(QosService service, Policy policy, CurrentCaller callers, JsonBody json) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
        this.json = json;
    }

    @GET
    public Uni<Map<String, Object>> list(@PathParam("project_id") String project) {
        admin(project);
        return service.list().map(l -> Map.of("qos_specs", l.stream().map(QosResource::view).toList()));
    }

    @POST
    public Uni<Map<String, Object>> create(@PathParam("project_id") String project, QosRequest.CreateBody body) {
        admin(project);
        return service.create(RequestBodies.unwrap(body, QosRequest.CreateBody::qosSpecs, "qos_specs")).map(q -> Map.of("qos_specs", view(q), "links", List.of()));
    }

    @GET
    @Path("{id}")
    public Uni<Map<String, Object>> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        admin(project);
        return service.get(id).map(q -> Map.of("qos_specs", view(q), "links", List.of()));
    }

    @PUT
    @Path("{id}")
    public Uni<Map<String, Object>> set(@PathParam("project_id") String project, @PathParam("id") String id, String body) {
        admin(project);
        return service.set(id, json.wrapped(body, "qos_specs")).map(s -> Map.of("qos_specs", s));
    }

    @PUT
    @Path("{id}/delete_keys")
    public Uni<Response> unset(@PathParam("project_id") String project, @PathParam("id") String id, String body) {
        admin(project);
        return service.unset(id, json.object(body).get("keys")).map(v -> Response.accepted().build());
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("id") String id,
                                @QueryParam("force") String force) {
        admin(project);
        boolean forced = Booleans.isTrue(force);
        return service.delete(id, forced).map(v -> Response.accepted().build());
    }

    @GET
    @Path("{id}/associations")
    public Uni<Map<String, Object>> associations(@PathParam("project_id") String project, @PathParam("id") String id) {
        admin(project);
        return service.associations(id).map(l -> Map.of("qos_associations", l.stream().map(t -> Map.of(
                "association_type", "volume_type", "name", t.name, "id", t.id.toString())).toList()));
    }

    @GET
    @Path("{id}/associate")
    public Uni<Response> associate(@PathParam("project_id") String project, @PathParam("id") String id,
                                   @QueryParam("vol_type_id") String type) {
        admin(project);
        return service.associate(id, type).map(v -> Response.accepted().build());
    }

    @GET
    @Path("{id}/disassociate")
    public Uni<Response> disassociate(@PathParam("project_id") String project, @PathParam("id") String id,
                                      @QueryParam("vol_type_id") String type) {
        admin(project);
        return service.disassociate(id, type).map(v -> Response.accepted().build());
    }

    @GET
    @Path("{id}/disassociate_all")
    public Uni<Response> disassociateAll(@PathParam("project_id") String project, @PathParam("id") String id) {
        admin(project);
        return service.disassociateAll(id).map(v -> Response.accepted().build());
    }

    static Map<String, Object> view(QosSpecs q) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", q.id.toString());
        v.put("name", q.name);
        v.put("consumer", q.consumer);
        v.put("specs", new TreeMap<>(q.specs));
        return v;
    }

    private void admin(String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.MANAGE_TYPES, Map.of());
    }
}
