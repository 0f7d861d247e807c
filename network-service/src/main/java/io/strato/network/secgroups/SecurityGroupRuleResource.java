package io.strato.network.secgroups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.rest.BodyRecords;
import io.strato.network.api.FieldSelection;
import io.strato.network.api.ListRequest;
import io.strato.network.api.Lists;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.jboss.resteasy.reactive.ResponseStatus;

/** Neutron's security group rules: {@code /v2.0/security-group-rules[/{id}]} (rules are never updated). */
@Path("/v2.0/security-group-rules")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupRuleResource {
    private final SecurityGroupRuleService rules;
    private final CurrentCaller callers;

    public SecurityGroupRuleResource(SecurityGroupRuleService rules, CurrentCaller callers) {
        this.rules = rules;
        this.callers = callers;
    }

    @GET
    @FieldSelection
    public Uni<SecurityGroupRuleView.Many> list(@Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest request = ListRequest.of(uri.getQueryParameters());
        return rules.list(caller, request)
                .map(views -> new SecurityGroupRuleView.Many(views, Lists.next(views, SecurityGroupRuleView::id, request, uri)));
    }

    @GET
    @Path("{id}")
    @FieldSelection
    public Uni<SecurityGroupRuleView.One> show(@PathParam("id") String id, @Context UriInfo uri) {
        Caller caller = callers.get();
        ListRequest.of(uri.getQueryParameters()); // checked as a list's query is: a bad limit or sort_dir is a 400
        return rules.show(caller, id).map(SecurityGroupRuleView.One::new);
    }

    @POST
    @ResponseStatus(201)
    @APIResponseSchema(value = SecurityGroupRuleView.One.class, responseCode = "201", responseDescription = "Created")
    public Uni<SecurityGroupRuleView.One> create(SecurityGroupRuleBody body) {
        Caller caller = callers.get();
        RuleRequest request = RuleRequest.of(BodyRecords.wrapped(body, SecurityGroupRuleBody::rule, "security_group_rule"));
        return rules.create(caller, request)
                .map(r -> new SecurityGroupRuleView.One(r));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        Caller caller = callers.get();
        return rules.delete(caller, id).map(v -> Response.noContent().build());
    }
}
