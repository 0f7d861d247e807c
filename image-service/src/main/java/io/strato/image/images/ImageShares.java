package io.strato.image.images;

import io.smallrye.mutiny.Uni;
import java.util.UUID;

/**
 * Whether an image is shared with a project, as the members feature records it. An interface here so
 * that showing an image needs no class of the members package (which builds on images, not the reverse).
 */
public interface ImageShares {

    /** True when {@code projectId} is a member of the image, whatever its answer (pending, accepted, rejected). */
    Uni<Boolean> isMember(UUID imageId, String projectId);
}
