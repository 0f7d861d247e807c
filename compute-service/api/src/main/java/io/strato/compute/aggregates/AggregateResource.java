package io.strato.compute.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.validation.BodyFields;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.BodyRecords;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * Nova's os-aggregates (admins only): list, create, show, update (name, availability zone), delete, and the actions
 * add_host, remove_host and set_metadata. Nova answers 200 where 201/204 would fit; so does Strato.
 */
@Path("/v2.1/os-aggregates")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AggregateResource {
    private final AggregateService aggregates;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;

    public AggregateResource(AggregateService aggregates, Policy policy, CurrentCaller callers, ApiVersion version) {
        this.aggregates = aggregates;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
    }

    @GET
    public Uni<AggregateView.Many> index() {
        enforce(AggregatePolicies.INDEX);
        return aggregates.list().map(l -> new AggregateView.Many(l.stream().map(w -> AggregateView.of(w, version.get())).toList()));
    }

    @POST
    public Uni<AggregateView.One> create(AggregateBody body) {
        enforce(AggregatePolicies.CREATE);
        AggregateRequest.Create r = AggregateRequest.create(BodyRecords.json(body));
        return aggregates.create(r).map(a -> new AggregateView.One(AggregateView.created(a, version.get())));
    }

    @GET
    @Path("{id}")
    public Uni<AggregateView.One> show(@PathParam("id") String id) {
        enforce(AggregatePolicies.SHOW);
        return aggregates.show(id(id)).map(this::one);
    }

    @PUT
    @Path("{id}")
    public Uni<AggregateView.One> update(@PathParam("id") String id, AggregateBody body) {
        enforce(AggregatePolicies.UPDATE);
        AggregateRequest.Update u = AggregateRequest.update(BodyRecords.json(body));
        return aggregates.update(id(id), u).map(this::one);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        enforce(AggregatePolicies.DELETE);
        return aggregates.delete(id(id)).map(v -> Response.ok().build());
    }

    /** {@code add_host}, {@code remove_host} or {@code set_metadata}. */
    @POST
    @Path("{id}/action")
    public Uni<AggregateView.One> action(@PathParam("id") String id, AggregateActionBody body) {
        JsonNode b = BodyRecords.json(body);
        if (b.size() != 1) {
            throw new InvalidInput("The request body must name exactly one action.");
        }
        String action = b.fieldNames().next();
        switch (action) {
            case "add_host" -> {
                enforce(AggregatePolicies.ADD_HOST);
                String host = AggregateRequest.host(BodyFields.object(b, action));
                return aggregates.addHost(id(id), host).map(this::one);
            }
            case "remove_host" -> {
                enforce(AggregatePolicies.REMOVE_HOST);
                String host = AggregateRequest.host(BodyFields.object(b, action));
                return aggregates.removeHost(id(id), host).map(this::one);
            }
            case "set_metadata" -> {
                enforce(AggregatePolicies.SET_METADATA);
                Map<String, String> metadata = AggregateRequest.metadata(BodyFields.object(b, action));
                return aggregates.setMetadata(id(id), metadata).map(this::one);
            }
            default -> throw new InvalidInput("There is no such action: " + action);
        }
    }

    private AggregateView.One one(AggregateService.WithHosts w) {
        return new AggregateView.One(AggregateView.of(w, version.get()));
    }

    private void enforce(String rule) {
        policy.enforce(rule, callers.get(), Map.of());
    }

    /** Nova's validate_integer on the path's id: 400 for a non-integer, then 404 for an unknown one. */
    private static int id(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            if (id.matches("-?[0-9]+")) {
                throw AggregateService.notFound(id);
            }
            throw new InvalidInput("Invalid input received: id must be an integer");
        }
    }
}
