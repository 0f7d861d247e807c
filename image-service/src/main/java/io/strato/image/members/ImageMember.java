package io.strato.image.members;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A project an image is shared with, and its answer: pending, accepted or rejected. */
@Entity
@Table(name = "image_member")
@IdClass(ImageMember.Key.class)
public class ImageMember {
    @Id
    @Column(name = "image_id")
    public UUID imageId;
    @Id
    @Column(name = "member_id")
    public String memberId;
    public String status = "pending";
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public UUID imageId;
        public String memberId;

        public Key() {
        }

        public Key(UUID imageId, String memberId) {
            this.imageId = imageId;
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(imageId, k.imageId) && Objects.equals(memberId, k.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(imageId, memberId);
        }
    }
}
