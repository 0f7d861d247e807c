package io.strato.compute.securitygroups;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.compute.api.ApiVersion;
import io.strato.compute.api.ProxyAccess;
import io.strato.compute.policy.NovaBaseRules;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.BodyRecords;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Nova's os-security-groups proxy (up to 2.35; 404 from 2.36) over network-service: list (the caller's project;
 * admins every project's with {@code all_tenants}; {@code limit}/{@code offset}), show, create, update, delete
 * (202). Ids that are not UUIDs are Nova's 400 {@code Security group id should be uuid}.
 */
@Path("/v2.1/os-security-groups")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class SecurityGroupResource {
    private final SecurityGroupProxy groups;
    private final ProxyAccess access;
    private final Policy policy;
    private final ApiVersion version;

    public SecurityGroupResource(SecurityGroupProxy groups, ProxyAccess access, Policy policy, ApiVersion version) {
        this.groups = groups;
        this.access = access;
        this.policy = policy;
        this.version = version;
    }

    @GET
    public Uni<SecurityGroupView.Many> index(@QueryParam("all_tenants") String allTenants, @QueryParam("limit") String limit,
                                             @QueryParam("offset") String offset, @HeaderParam("X-Auth-Token") String token) {
        Caller caller = access.allowed(SecurityGroupPolicies.GET);
        int from = nonNegative(offset, "offset", 0);
        int asked = nonNegative(limit, "limit", 0);
        int size = asked == 0 ? 1000 : Math.min(asked, 1000);
        boolean all = allTenants != null && NovaBaseRules.isAdmin(policy, caller);
        return groups.list(all ? null : caller.projectId(), token).map(list -> SecurityGroupView.Many.sorted(
                list.subList(Math.min(from, list.size()), Math.min(list.size(), from + size))));
    }

    @GET
    @Path("{id}")
    public Uni<SecurityGroupView.One> show(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        access.allowed(SecurityGroupPolicies.SHOW);
        return groups.show(id, token).map(SecurityGroupView.One::new);
    }

    @POST
    public Uni<SecurityGroupView.One> create(SecurityGroupBody body, @HeaderParam("X-Auth-Token") String token) {
        access.allowed(SecurityGroupPolicies.CREATE);
        SecurityGroupRequest r = SecurityGroupRequest.parse(BodyRecords.json(body));
        return groups.create(r, token).map(SecurityGroupView.One::new);
    }

    @PUT
    @Path("{id}")
    public Uni<SecurityGroupView.One> update(@PathParam("id") String id, SecurityGroupBody body,
                                             @HeaderParam("X-Auth-Token") String token) {
        access.allowed(SecurityGroupPolicies.UPDATE);
        SecurityGroupRequest r = SecurityGroupRequest.parse(BodyRecords.json(body));
        return groups.update(id, r, token).map(SecurityGroupView.One::new);
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id, @HeaderParam("X-Auth-Token") String token) {
        access.allowed(SecurityGroupPolicies.DELETE);
        return groups.delete(id, token).map(v -> Response.accepted().build());
    }

    /** {@code DELETE /os-security-groups/} (no id): no such route in Nova, 404. */
    @DELETE
    public Response deleteWithoutId() {
        version.servedUpTo(ProxyAccess.LAST_MINOR);
        throw new NotFound("The resource could not be found.");
    }


    /** Nova's non_negative_integer query parameter (400 otherwise). */
    static int nonNegative(String value, String name, int fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.matches("\\d{1,9}")) {
            throw new InvalidInput("Invalid input for query parameters " + name + ". Value: " + value
                    + ". '" + value + "' does not match '^[0-9]*$'");
        }
        return Integer.parseInt(value);
    }
}
