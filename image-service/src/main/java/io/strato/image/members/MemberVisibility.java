package io.strato.image.members;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.image.images.ImageShares;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What image listing and showing need to know about shares. These read membership rows only: the
 * caller decides what they mean together with the image's visibility (Glance lists a {@code shared}
 * image to a member that ACCEPTED it, and shows it to any member whatever its answer; rows left on an
 * image that is no longer {@code shared} give no access).
 */
@ApplicationScoped
public class MemberVisibility implements ImageShares {
    private final ImageMemberRepository members;

    public MemberVisibility(ImageMemberRepository members) {
        this.members = members;
    }

    /** Ids of the images the project accepted as a member. Empty for a null project. */
    @WithSession
    public Uni<Set<UUID>> acceptedImageIds(String projectId) {
        return statuses(projectId).map(all -> {
            Set<UUID> accepted = new LinkedHashSet<>();
            all.forEach((id, status) -> {
                if (MemberStatus.ACCEPTED.value().equals(status)) {
                    accepted.add(id);
                }
            });
            return accepted;
        });
    }

    /**
     * The project's membership status (pending, accepted, rejected) by image id, for Glance's
     * {@code member_status} list filter. Empty for a null project.
     */
    @WithSession
    public Uni<Map<UUID, String>> statuses(String projectId) {
        if (projectId == null) {
            return Uni.createFrom().item(Map.of());
        }
        return members.ofMember(projectId).map(list -> {
            Map<UUID, String> out = new HashMap<>();
            list.forEach(m -> out.put(m.imageId, m.status));
            return out;
        });
    }

    @Override
    @WithSession
    public Uni<Boolean> isMember(UUID imageId, String projectId) {
        return find(imageId, projectId).map(member -> member != null);
    }

    /** The project's membership of the image, or null when it is not a member (or projectId is null). */
    @WithSession
    public Uni<ImageMember> find(UUID imageId, String projectId) {
        if (imageId == null || projectId == null) {
            return Uni.createFrom().nullItem();
        }
        return members.find(imageId, projectId);
    }
}
