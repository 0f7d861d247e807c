package io.strato.compute.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One HTTP exchange with another Strato service, read raw: the status and the JSON body. A service
 * that cannot be reached, times out or answers something that is not JSON becomes a
 * {@link RemoteFailure} with status 0 (transient), never an unmapped exception.
 */
final class Remote {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Remote() {
    }

    /** What another service answered. */
    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The error text OpenStack services put in their faults (Neutron, Glance, Keystone shapes), else the status. */
        String message() {
            for (String key : new String[] {"NeutronError", "error", "itemNotFound", "badRequest", "conflictingRequest"}) {
                JsonNode n = body.get(key);
                if (n != null && n.hasNonNull("message")) {
                    return n.get("message").asText();
                }
            }
            if (body.hasNonNull("message")) {
                return body.get("message").asText();
            }
            return "HTTP " + status;
        }
    }

    static Uni<Reply> call(String service, Supplier<Uni<Response>> request) {
        return Uni.createFrom().deferred(() -> request.get())
                .map(Remote::read)
                .onFailure(f -> !(f instanceof RemoteFailure))
                .transform(e -> new RemoteFailure(service, 0, service + " is unavailable: " + describe(e)));
    }

    /**
     * A call as compute-service itself, with the {@link ServiceToken}: a 401 drops the token (the next call
     * gets a new one), any answer but 2xx is a {@link RemoteFailure} with the other service's status and text.
     */
    static Uni<Reply> asService(String service, ServiceToken serviceToken, Function<String, Uni<Response>> call) {
        return serviceToken.get().chain(token -> call(service, () -> call.apply(token)).invoke(r -> {
            if (r.status() == 401) {
                serviceToken.invalidate(token);
            }
            if (!r.ok()) {
                throw new RemoteFailure(service, r.status(), r.message());
            }
        }));
    }

    /**
     * A call for the caller of a proxy API, with the caller's own token: the answer's JSON, or a {@link RemoteFailure}
     * with the other service's status and text (status 0 when it could not be reached).
     */
    static Uni<JsonNode> forCaller(String service, Supplier<Uni<Response>> request) {
        return call(service, request).map(r -> {
            if (!r.ok()) {
                throw new RemoteFailure(service, r.status(), r.message());
            }
            return r.body();
        });
    }

    private static Reply read(Response r) {
        try (r) {
            String text = r.hasEntity() ? r.readEntity(String.class) : "";
            JsonNode body = text == null || text.isBlank() ? NullNode.getInstance() : MAPPER.readTree(text);
            return new Reply(r.getStatus(), body == null ? NullNode.getInstance() : body);
        } catch (java.io.IOException e) {
            // a body that is not JSON: keep the status, lose the text
            return new Reply(r.getStatus(), NullNode.getInstance());
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
