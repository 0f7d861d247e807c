package io.strato.image.members;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.image.images.Image;
import io.strato.image.images.ImageRepository;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.QuotaExceeded;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Glance's image members: the owner of a {@code shared} image adds projects, each project accepts or
 * rejects, the owner removes them. A caller who cannot see the image gets a 404 for every call, as
 * Glance answers, so membership does not leak which images exist.
 */
@ApplicationScoped
public class MemberService {
    /** Glance's default {@code image_member_quota}. */
    static final int MEMBERS_PER_IMAGE = 128;
    private static final int MEMBER_ID_MAX = 64;

    private final ImageRepository images;
    private final ImageMemberRepository members;
    private final MemberEvents events;
    private final Policy policy;

    public MemberService(ImageRepository images, ImageMemberRepository members, MemberEvents events, Policy policy) {
        this.images = images;
        this.members = members;
        this.events = events;
        this.policy = policy;
    }

    /** All members for the owner (or an admin); only the caller's own membership for a member. */
    @WithSession
    public Uni<List<ImageMember>> list(Caller caller, String imageId) {
        return visibleImage(caller, imageId).flatMap(image -> {
            policy.enforce(MemberPolicies.LIST, caller, target(image, null));
            if (mayManage(caller, image)) {
                return members.ofImage(image.id);
            }
            return members.find(image.id, caller.projectId()).map(m -> m == null ? List.of() : List.of(m));
        });
    }

    @WithSession
    public Uni<ImageMember> get(Caller caller, String imageId, String memberId) {
        return visibleImage(caller, imageId).flatMap(image -> {
            if (!mayManage(caller, image) && !memberId.equals(caller.projectId())) {
                return Uni.createFrom().failure(noMember(image.id, memberId));
            }
            policy.enforce(MemberPolicies.GET, caller, target(image, memberId));
            return existing(image.id, memberId);
        });
    }

    @WithTransaction
    public Uni<ImageMember> add(Caller caller, String imageId, String memberId) {
        String id = validMemberId(memberId);
        return visibleImage(caller, imageId).flatMap(image -> {
            policy.enforce(MemberPolicies.ADD, caller, target(image, id));
            if (!"shared".equals(image.visibility)) {
                throw new Forbidden("Only shared images have members.");
            }
            return members.find(image.id, id).flatMap(existing -> {
                if (existing != null) {
                    throw new Conflict("Member " + id + " is duplicated for image " + image.id + ".");
                }
                return members.countOfImage(image.id);
            }).flatMap(count -> {
                if (count >= MEMBERS_PER_IMAGE) {
                    throw new QuotaExceeded("An image can have at most " + MEMBERS_PER_IMAGE + " members.");
                }
                ImageMember m = new ImageMember();
                m.imageId = image.id;
                m.memberId = id;
                m.status = MemberStatus.PENDING.value();
                m.createdAt = Instant.now();
                m.updatedAt = m.createdAt;
                return members.persistAndFlush(m);
            }).call(m -> events.created(image, m));
        });
    }

    /** The member's own answer; nobody else (not the owner) may give it. */
    @WithTransaction
    public Uni<ImageMember> answer(Caller caller, String imageId, String memberId, String status) {
        MemberStatus next = MemberStatus.parse(status);
        return visibleImage(caller, imageId).flatMap(image -> {
            if (!mayManage(caller, image) && !memberId.equals(caller.projectId())) {
                return Uni.createFrom().failure(noMember(image.id, memberId));
            }
            return existing(image.id, memberId).flatMap(m -> {
                policy.enforce(MemberPolicies.MODIFY, caller, target(image, memberId));
                m.status = next.value();
                m.updatedAt = Instant.now();
                return members.persistAndFlush(m).call(saved -> events.updated(image, saved));
            });
        });
    }

    @WithTransaction
    public Uni<Void> remove(Caller caller, String imageId, String memberId) {
        return visibleImage(caller, imageId).flatMap(image -> {
            if (!mayManage(caller, image) && !memberId.equals(caller.projectId())) {
                return Uni.createFrom().failure(noMember(image.id, memberId));
            }
            policy.enforce(MemberPolicies.DELETE, caller, target(image, memberId));
            return existing(image.id, memberId)
                    .call(m -> members.deleteOne(m.imageId, m.memberId))
                    .call(m -> events.deleted(image, m))
                    .replaceWithVoid();
        });
    }

    /** The image, when the caller may see it at all; a 404 otherwise (also for a malformed id). */
    private Uni<Image> visibleImage(Caller caller, String imageId) {
        UUID id = parseImageId(imageId);
        if (id == null) {
            return Uni.createFrom().failure(noImage(imageId));
        }
        return images.findById(id).flatMap(image -> {
            if (image == null || "deleted".equals(image.status)) {
                return Uni.createFrom().failure(noImage(imageId));
            }
            if (mayManage(caller, image) || "public".equals(image.visibility) || "community".equals(image.visibility)) {
                return Uni.createFrom().item(image);
            }
            if (!"shared".equals(image.visibility) || caller.projectId() == null) {
                return Uni.createFrom().failure(noImage(imageId));
            }
            return members.find(image.id, caller.projectId()).map(m -> {
                if (m == null) {
                    throw noImage(imageId);
                }
                return image;
            });
        });
    }

    private Uni<ImageMember> existing(UUID imageId, String memberId) {
        return members.find(imageId, memberId).onItem().ifNull().failWith(() -> noMember(imageId, memberId));
    }

    private static boolean mayManage(Caller caller, Image image) {
        return caller.hasRole("admin") || (image.owner != null && image.owner.equals(caller.projectId()));
    }

    private static Map<String, Object> target(Image image, String memberId) {
        Map<String, Object> t = new HashMap<>();
        t.put("owner", image.owner);
        t.put("visibility", image.visibility);
        t.put("image_id", image.id.toString());
        t.put("member_id", memberId);
        return t;
    }

    private static String validMemberId(String memberId) {
        if (memberId == null || memberId.isBlank()) {
            throw new InvalidInput("Request body must be a JSON object with a non-empty 'member' string.");
        }
        String id = memberId.strip();
        if (id.length() > MEMBER_ID_MAX) {
            throw new InvalidInput("Member id is longer than " + MEMBER_ID_MAX + " characters.");
        }
        return id;
    }

    static UUID parseImageId(String imageId) {
        try {
            return imageId == null ? null : UUID.fromString(imageId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static NotFound noImage(String imageId) {
        return new NotFound("No image found with ID " + imageId);
    }

    private static NotFound noMember(UUID imageId, String memberId) {
        return new NotFound("Member " + memberId + " not found for image " + imageId + ".");
    }
}
