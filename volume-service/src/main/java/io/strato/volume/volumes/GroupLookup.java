package io.strato.volume.volumes;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * What volumes/ asks about generic volume groups (a volume created in one); groups/ owns them and implements this,
 * so group code may build on volumes and not the other way round. In the caller's transaction.
 */
public interface GroupLookup {

    /**
     * Checks that a volume of type {@code volumeTypeId} may be created in group {@code groupId} by a caller of
     * {@code projectId} (any project for an admin), locking the group's row until the transaction ends: a 404 for a
     * group the caller cannot see, a 400 for a group that is not available (or being made from a source) or whose
     * volume types do not include the volume's.
     */
    Uni<Void> checkCreateIn(UUID groupId, String projectId, boolean admin, UUID volumeTypeId);
}
