package io.strato.volume.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.Response;
import java.util.Set;

/**
 * The legacy attach actions of a volume's action endpoint (os-reserve ... os-detach): {@link VolumeResource}
 * receives them, attachments/ (which owns the attach state) serves them.
 */
public interface AttachActions {

    /** The action names served here. */
    Set<String> NAMES = Set.of("os-reserve", "os-unreserve", "os-begin_detaching", "os-roll_detaching",
            "os-initialize_connection", "os-terminate_connection", "os-attach", "os-detach");

    /**
     * Runs action {@code name} (one of {@link #NAMES}) on the URL project's volume {@code volumeId}: 202 without a
     * body, but for os-initialize_connection's {@code {"connection_info": ...}}.
     *
     * @param args  the action's argument object (a JSON null when none was given)
     * @param token the caller's token (os-attach asks compute-service, with it, whether the instance is theirs)
     * @param admin whether the caller is an admin (only admins see the host path in connection info)
     */
    Uni<Response> run(String project, String volumeId, String name, JsonNode args, String token, boolean admin);

    /**
     * An admin's os-force_detach of volume {@code volumeId} (of any project): {@code {"attachment_id"?, "connector"?}};
     * 202.
     */
    Uni<Response> forceDetach(String volumeId, JsonNode args);
}
