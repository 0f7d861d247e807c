package io.strato.image.members;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ImageMemberRepository implements PanacheRepositoryBase<ImageMember, ImageMember.Key> {

    public Uni<ImageMember> find(UUID imageId, String memberId) {
        return findById(new ImageMember.Key(imageId, memberId));
    }

    public Uni<List<ImageMember>> ofImage(UUID imageId) {
        return list("imageId = ?1 order by createdAt, memberId", imageId);
    }

    public Uni<List<ImageMember>> ofMember(String memberId) {
        return list("memberId", memberId);
    }

    public Uni<Long> countOfImage(UUID imageId) {
        return count("imageId", imageId);
    }

    /** Removes one membership by its whole key, with a statement (not the entity path: see docs/architecture.md). */
    public Uni<Long> deleteOne(UUID imageId, String memberId) {
        return delete("imageId = ?1 and memberId = ?2", imageId, memberId);
    }

    public Uni<Long> deleteOfMember(String memberId) {
        return delete("memberId", memberId);
    }
}
