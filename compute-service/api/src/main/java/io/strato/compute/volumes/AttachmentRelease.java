package io.strato.compute.volumes;

import io.smallrye.mutiny.Uni;
import io.strato.compute.clients.Volumes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * A deleted server's volumes go back: each attachment is deleted at volume-service (the volume becomes
 * {@code available}; one already gone is fine), a volume attached with delete_on_termination (2.79) deleted, and
 * its row removed. Part of the delete's last step, in its
 * transaction; an unreachable volume-service fails it with a {@code RemoteFailure}, and the step is retried.
 */
@ApplicationScoped
public class AttachmentRelease {
    private final VolumeAttachmentRepository rows;
    private final Volumes volumes;

    AttachmentRelease(VolumeAttachmentRepository rows, Volumes volumes) {
        this.rows = rows;
        this.volumes = volumes;
    }

    public Uni<Void> releaseAll(UUID serverId) {
        return rows.ofServer(serverId).chain(list -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (VolumeAttachment a : list) {
                chain = chain.chain(() -> volumes.delete(a.projectId, a.attachmentId))
                        .chain(() -> a.deleteOnTermination ? volumes.deleteVolume(a.projectId, a.volumeId)
                                : Uni.createFrom().voidItem())
                        .chain(() -> rows.remove(a));
            }
            return chain;
        });
    }
}
