package io.strato.volume.transfers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.strato.volume.api.Link;
import java.util.List;

/**
 * A transfer in Cinder's JSON (cinder/api/views/transfers.py): the summary (plain list, accept) has {@code id},
 * {@code volume_id}, {@code name}, {@code links}; the detail (show, detailed list) adds {@code created_at}; a create
 * also {@code auth_key}, the only answer that ever carries it. 3.55's {@code no_snapshots} and 3.57's history are
 * beyond this service's maximum microversion.
 */
public record TransferView(
        String id,
        @JsonProperty("created_at") @JsonInclude(JsonInclude.Include.NON_NULL) String createdAt,
        String name,
        @JsonProperty("volume_id") String volumeId,
        @JsonProperty("auth_key") @JsonInclude(JsonInclude.Include.NON_NULL) String authKey,
        List<Link> links) {

    /** {@code {"transfer": {...}}}. */
    public record One(TransferView transfer) {
    }

    /** {@code {"transfers": [...]}}. */
    public record Many(List<TransferView> transfers) {
    }

    static TransferView summary(VolumeTransfer t, String baseUrl, String project) {
        return new TransferView(t.id.toString(), null, t.name, t.volumeId.toString(), null, links(t, baseUrl, project));
    }

    static TransferView detail(VolumeTransfer t, String baseUrl, String project) {
        return new TransferView(t.id.toString(), t.createdAt.toString(), t.name, t.volumeId.toString(), null,
                links(t, baseUrl, project));
    }

    static TransferView created(VolumeTransfer t, String authKey, String baseUrl, String project) {
        return new TransferView(t.id.toString(), t.createdAt.toString(), t.name, t.volumeId.toString(), authKey,
                links(t, baseUrl, project));
    }

    /** Cinder's links: under the requesting project, in the {@code os-volume-transfer} collection. */
    private static List<Link> links(VolumeTransfer t, String baseUrl, String project) {
        if (baseUrl == null) {
            return List.of();
        }
        String base = baseUrl.replaceAll("/+$", "");
        return List.of(new Link("self", base + "/v3/" + project + "/os-volume-transfer/" + t.id),
                new Link("bookmark", base + "/" + project + "/os-volume-transfer/" + t.id));
    }
}
