package io.strato.compute.servers;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Ids;
import io.strato.kit.web.RequestIds;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;

/** The request's id (x-openstack-request-id, the instance actions' request_id) and small path/query helpers. */
@RequestScoped
public class RequestContext {
    private final CurrentVertxRequest request;

    RequestContext(CurrentVertxRequest request) {
        this.request = request;
    }

    public String requestId() {
        String id = RequestIds.current(request.getCurrent());
        return id != null ? id : "req-" + UUID.randomUUID();
    }

    /** A server id in a path: anything that is not a UUID names no server (404). */
    public static UUID serverId(String id) {
        return Ids.orNotFound(id, () -> ServerQueries.notFound(id));
    }

    /** Nova's all_tenants: present and empty or true-ish is on; false-ish is off; anything else is a 400. */
    public static boolean allTenants(java.util.List<String> values) {
        if (values == null || values.isEmpty()) {
            return false;
        }
        String v = values.get(0) == null ? "" : values.get(0).trim();
        if (v.isEmpty()) {
            return true;
        }
        return Booleans.parse(v).orElseThrow(() -> new InvalidInput("Invalid value '" + values.get(0) + "' for all_tenants."));
    }
}
