package io.strato.compute.servers;

import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The volumes attached to servers, for the views' {@code os-extended-volumes:volumes_attached}. volumes/ owns
 * the attachments and implements this; servers/ reads through it because volumes/ depends on servers/.
 */
public interface AttachedVolumes {

    /** Attached volume ids by server id, in device order; servers without any are absent (needs a session). */
    Uni<Map<UUID, List<UUID>>> volumeIds(Collection<UUID> serverIds);
}
