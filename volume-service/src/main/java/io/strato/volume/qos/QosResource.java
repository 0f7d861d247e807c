package io.strato.volume.qos;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.kit.faults.InvalidInput;
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
import java.util.Map;

/** Cinder's qos-specs API (admins only, as in Cinder). */
@Path("/v3/{project_id}/qos-specs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QosResource {
    private final QosService service;
    private final Policy policy;
    private final CurrentCaller callers;

    public QosResource(QosService service, Policy policy, CurrentCaller callers) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
    }

    @GET
    public Uni<QosView.Many> list(@PathParam("project_id") String project) {
        admin(project);
        return service.list().map(l -> new QosView.Many(l.stream().map(QosView::of).toList()));
    }

    @POST
    public Uni<QosView.One> create(@PathParam("project_id") String project, QosRequest.CreateBody body) {
        admin(project);
        return service.create(RequestBodies.unwrap(body, QosRequest.CreateBody::qosSpecs, "qos_specs")).map(QosView::one);
    }

    @GET
    @Path("{id}")
    public Uni<QosView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        admin(project);
        return service.get(id).map(QosView::one);
    }

    @PUT
    @Path("{id}")
    public Uni<QosView.SetKeys> set(@PathParam("project_id") String project, @PathParam("id") String id,
                                QosRequest.SetBody body) {
        admin(project);
        return service.set(id, RequestBodies.unwrap(body, QosRequest.SetBody::qosSpecs, "qos_specs"))
                .map(QosView.SetKeys::new);
    }

    @PUT
    @Path("{id}/delete_keys")
    public Uni<Response> unset(@PathParam("project_id") String project, @PathParam("id") String id,
                               QosRequest.UnsetBody body) {
        admin(project);
        if (body == null) {
            throw new InvalidInput("The request body is missing.");
        }
        return service.unset(id, body.keys()).map(v -> Response.accepted().build());
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
    public Uni<QosView.Associations> associations(@PathParam("project_id") String project, @PathParam("id") String id) {
        admin(project);
        return service.associations(id).map(l -> new QosView.Associations(l.stream().map(QosView.Association::of).toList()));
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

    private void admin(String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.MANAGE_TYPES, Map.of());
    }
}
