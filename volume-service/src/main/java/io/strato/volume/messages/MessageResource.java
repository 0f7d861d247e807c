package io.strato.volume.messages;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.policy.Policy;
import io.strato.volume.api.ApiVersion;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.api.VolumeApiConfig;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Cinder's user messages (3.3): list, show, delete (204). */
@Path("/v3/{project_id}/messages")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {
    /** Cinder 3.3: /messages. */
    static final int MESSAGES = 3;

    private final UserMessages messages;
    private final Policy policy;
    private final CurrentCaller callers;
    private final ApiVersion version;
    private final VolumeApiConfig config;

    public MessageResource(UserMessages messages, Policy policy, CurrentCaller callers, ApiVersion version, VolumeApiConfig config) {
        this.messages = messages;
        this.policy = policy;
        this.callers = callers;
        this.version = version;
        this.config = config;
    }

    @GET
    public Uni<MessageView.Many> list(@PathParam("project_id") String project) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        return messages.list(caller, admin).map(l -> new MessageView.Many(l.stream()
                .map(m -> MessageView.of(m, config.publicUrl())).toList()));
    }

    @GET
    @Path("{id}")
    public Uni<MessageView.One> show(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.READ);
        return messages.show(caller, admin, id).map(m -> new MessageView.One(MessageView.of(m, config.publicUrl())));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("project_id") String project, @PathParam("id") String id) {
        Caller caller = callers.get();
        boolean admin = check(caller, project, VolumePolicies.WRITE);
        return messages.delete(caller, admin, id).map(v -> Response.noContent().build());
    }

    private boolean check(Caller caller, String project, String rule) {
        version.require(MESSAGES);
        return ProjectPath.authorize(policy, caller, project, rule);
    }
}
