package io.strato.identity.domains;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Validate;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /v3/domains/{domain_id}/config[/{group}[/{option}]]}: a domain's specific configuration. */
@Path("/v3/domains/{domain_id}/config")
@Authenticated
public class DomainConfigResource {
    private final DomainConfigService service;
    private final Policy policy;
    private final CurrentCaller caller;

    public DomainConfigResource(DomainConfigService service, Policy policy, CurrentCaller caller) {
        this.service = service;
        this.policy = policy;
        this.caller = caller;
    }

    /** 201 when the domain had no configuration, 200 when this one replaces it (as Keystone). */
    @PUT
    public Uni<Response> replace(@PathParam("domain_id") String domainId, DomainConfigView.Body body) {
        policy.enforce(DomainPolicies.CREATE_CONFIG, caller.get(), target(domainId));
        return service.replace(domainId, groups(config(body)))
                .map(w -> Response.status(w.created() ? 201 : 200)
                        .entity(new DomainConfigView(new LinkedHashMap<>(w.config()))).build());
    }

    @GET
    public Uni<DomainConfigView> get(@PathParam("domain_id") String domainId) {
        return read(domainId, null, null);
    }

    @GET
    @Path("{group}")
    public Uni<DomainConfigView> getGroup(@PathParam("domain_id") String domainId, @PathParam("group") String group) {
        return read(domainId, group, null);
    }

    @GET
    @Path("{group}/{option}")
    public Uni<DomainConfigView> getOption(@PathParam("domain_id") String domainId, @PathParam("group") String group,
                                           @PathParam("option") String option) {
        return read(domainId, group, option);
    }

    @PATCH
    public Uni<DomainConfigView> update(@PathParam("domain_id") String domainId, DomainConfigView.Body body) {
        return write(domainId, null, null, body);
    }

    @PATCH
    @Path("{group}")
    public Uni<DomainConfigView> updateGroup(@PathParam("domain_id") String domainId, @PathParam("group") String group,
                                             DomainConfigView.Body body) {
        return write(domainId, group, null, body);
    }

    @PATCH
    @Path("{group}/{option}")
    public Uni<DomainConfigView> updateOption(@PathParam("domain_id") String domainId,
                                              @PathParam("group") String group, @PathParam("option") String option,
                                              DomainConfigView.Body body) {
        return write(domainId, group, option, body);
    }

    @DELETE
    public Uni<Response> delete(@PathParam("domain_id") String domainId) {
        return remove(domainId, null, null);
    }

    @DELETE
    @Path("{group}")
    public Uni<Response> deleteGroup(@PathParam("domain_id") String domainId, @PathParam("group") String group) {
        return remove(domainId, group, null);
    }

    @DELETE
    @Path("{group}/{option}")
    public Uni<Response> deleteOption(@PathParam("domain_id") String domainId, @PathParam("group") String group,
                                      @PathParam("option") String option) {
        return remove(domainId, group, option);
    }

    private Uni<DomainConfigView> read(String domainId, String group, String option) {
        policy.enforce(DomainPolicies.GET_CONFIG, caller.get(), target(domainId));
        return service.get(domainId, group, option).map(DomainConfigView::new);
    }

    private Uni<DomainConfigView> write(String domainId, String group, String option, DomainConfigView.Body body) {
        policy.enforce(DomainPolicies.UPDATE_CONFIG, caller.get(), target(domainId));
        return service.update(domainId, group, option, config(body))
                .map(c -> new DomainConfigView(new LinkedHashMap<>(c)));
    }

    private Uni<Response> remove(String domainId, String group, String option) {
        policy.enforce(DomainPolicies.DELETE_CONFIG, caller.get(), target(domainId));
        return service.delete(domainId, group, option).map(v -> Response.noContent().build());
    }

    private static Map<String, Object> config(DomainConfigView.Body body) {
        return Validate.body(body == null ? null : body.config(), "config");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> groups(Map<String, Object> config) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        config.forEach((group, options) -> {
            if (!(options instanceof Map<?, ?> m)) {
                throw new InvalidInput("Invalid input for field 'config." + group + "': it must be an object.");
            }
            out.put(group, (Map<String, Object>) m);
        });
        return out;
    }

    private static Map<String, Object> target(String domainId) {
        return Map.of("domain", Map.of("id", domainId));
    }
}
