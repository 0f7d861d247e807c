package io.strato.image.images;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.image.policy.ImagePolicies;
import io.strato.image.quota.ImageQuota;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.NotFound;
import io.strato.kit.faults.QuotaExceeded;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Image records: who sees them, their life cycle and their metadata. Bytes are the data package's. */
@ApplicationScoped
public class ImageService {
    private static final int MAX_TAGS = 128;

    private final ImageRepository images;
    private final ImageShares shares;
    private final Policy policy;
    private final ImageEvents events;
    private final ImageQuota quota;

    public ImageService(ImageRepository images, ImageShares shares, Policy policy, ImageEvents events,
                        ImageQuota quota) {
        this.quota = quota;
        this.images = images;
        this.shares = shares;
        this.policy = policy;
        this.events = events;
    }

    public boolean isAdmin(Caller caller) {
        return policy.allowed(ImagePolicies.ADMIN, caller, Map.of());
    }

    /** The image if the caller may see it; a 404 otherwise, so that others' private images stay unknown. */
    @WithSession
    public Uni<Image> visible(Caller caller, UUID id) {
        NotFound notFound = new NotFound("No image found with ID " + id);
        return images.findById(id).onItem().ifNull().failWith(notFound).flatMap(image -> {
            if (isAdmin(caller) || image.owner.equals(caller.projectId())
                    || "public".equals(image.visibility) || "community".equals(image.visibility)) {
                return Uni.createFrom().item(image);
            }
            if ("shared".equals(image.visibility) && caller.projectId() != null) {
                // any member sees a shared image, whatever its answer (Glance lists only accepted ones)
                return shares.isMember(id, caller.projectId()).flatMap(member -> member
                        ? Uni.createFrom().item(image) : Uni.createFrom().<Image>failure(notFound));
            }
            return Uni.createFrom().failure(notFound);
        });
    }

    @WithSession
    public Uni<List<Image>> list(Caller caller, Map<String, List<String>> query, int limit, String marker) {
        ImageQuery q = ImageQuery.of(caller, isAdmin(caller), query);
        Uni<ImageQuery> ready = Uni.createFrom().item(q);
        if (marker != null) {
            UUID markerId;
            try {
                markerId = UUID.fromString(marker);
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().failure(new io.strato.kit.faults.InvalidInput("Invalid marker. Image " + marker + " could not be found."));
            }
            ready = visible(caller, markerId).onFailure(NotFound.class).transform(e ->
                    new io.strato.kit.faults.InvalidInput("Invalid marker. Image " + marker + " could not be found."))
                    .map(q::after);
        }
        return ready.flatMap(query2 -> io.quarkus.hibernate.reactive.panache.Panache.getSession().flatMap(s -> {
            // read-only: no snapshot of each image's state (its JSON properties copied) for a flush that a list never does
            var nq = s.createNativeQuery(query2.sql(limit), Image.class).setReadOnly(true);
            query2.params().forEach(nq::setParameter);
            return nq.getResultList();
        }));
    }

    @WithTransaction
    public Uni<Image> create(Caller caller, ImageRequest.Create request) {
        Image image = request.image();
        String owner = image.owner != null ? image.owner : caller.projectId();
        if (owner == null) {
            throw new Forbidden("Creating an image needs a project-scoped token (the image's owner).");
        }
        if (!owner.equals(caller.projectId()) && !isAdmin(caller)) {
            throw new Forbidden("You are not permitted to create images owned by '" + owner + "'.");
        }
        image.owner = owner;
        policy.enforce(ImagePolicies.ADD, caller, ImagePolicies.target(owner));
        checkVisibility(caller, image, null);
        if (image.id == null) {
            image.id = UUID.randomUUID();
        }
        image.status = "queued";
        image.createdAt = now();
        image.updatedAt = image.createdAt;
        return quota.checkCanCreate(owner).chain(() -> images.findById(image.id)).flatMap(existing -> {
            if (existing != null) {
                throw new Conflict("An image with identifier " + image.id + " already exists");
            }
            return images.persist(image);
        }).call(saved -> events.image("created", saved));
    }

    @WithTransaction
    public Uni<Image> patch(Caller caller, UUID id, JsonNode ops, ImagePatch.Draft draft) {
        return visible(caller, id).flatMap(image -> {
            policy.enforce(ImagePolicies.MODIFY, caller, ImagePolicies.target(image.owner));
            String before = image.visibility;
            ImagePatch.apply(image, ops, draft, isAdmin(caller));
            checkVisibility(caller, image, before);
            image.updatedAt = now();
            return events.image("updated", image).replaceWith(image);
        });
    }

    /** Deletes the record; the caller removes the bytes at the returned image's store location after commit. */
    @WithTransaction
    public Uni<Image> delete(Caller caller, UUID id) {
        return visible(caller, id).flatMap(image -> {
            policy.enforce(ImagePolicies.DELETE, caller, ImagePolicies.target(image.owner));
            if (image.isProtected) {
                throw new Forbidden("Image " + id + " is protected and cannot be deleted.");
            }
            return images.deleteUnchanged(image).invoke(deleted -> {
                        if (!deleted) {
                            throw new Conflict("Image " + id + " was changed or deleted by a concurrent request; retry.");
                        }
                    })
                    .call(() -> events.image("deleted", image)).replaceWith(image);
        });
    }

    @WithTransaction
    public Uni<Void> addTag(Caller caller, UUID id, String tag) {
        String t = ImageAttributes.tag(tag);
        return visible(caller, id).flatMap(image -> {
            policy.enforce(ImagePolicies.MODIFY, caller, ImagePolicies.target(image.owner));
            List<String> tags = new ArrayList<>(ImageView.tags(image));
            if (tags.contains(t)) {
                return Uni.createFrom().voidItem();
            }
            if (tags.size() >= MAX_TAGS) {
                throw new QuotaExceeded("Maximum number of tags (" + MAX_TAGS + ") exceeded for image " + id + ".");
            }
            tags.add(t);
            image.tags = String.join(",", tags);
            image.updatedAt = now();
            return events.image("updated", image);
        });
    }

    @WithTransaction
    public Uni<Void> removeTag(Caller caller, UUID id, String tag) {
        return visible(caller, id).flatMap(image -> {
            policy.enforce(ImagePolicies.MODIFY, caller, ImagePolicies.target(image.owner));
            List<String> tags = new ArrayList<>(ImageView.tags(image));
            if (!tags.remove(tag)) {
                throw new NotFound("Tag " + tag + " not found on image " + id + ".");
            }
            image.tags = String.join(",", tags);
            image.updatedAt = now();
            return events.image("updated", image);
        });
    }

    @WithTransaction
    public Uni<Void> deactivate(Caller caller, UUID id) {
        return transition(caller, id, ImagePolicies.DEACTIVATE, "active", "deactivated", "deactivate");
    }

    @WithTransaction
    public Uni<Void> reactivate(Caller caller, UUID id) {
        return transition(caller, id, ImagePolicies.REACTIVATE, "deactivated", "active", "reactivate");
    }

    private Uni<Void> transition(Caller caller, UUID id, String rule, String from, String to, String verb) {
        return visible(caller, id).flatMap(image -> {
            policy.enforce(rule, caller, ImagePolicies.target(image.owner));
            if (to.equals(image.status)) {
                return Uni.createFrom().voidItem();
            }
            if (!from.equals(image.status)) {
                throw new Forbidden("Not allowed to " + verb + " image in status '" + image.status + "'");
            }
            image.status = to;
            image.updatedAt = now();
            return events.image(verb + "d", image);
        });
    }

    /** Only an admin publicises; making an image community follows its own rule. */
    private void checkVisibility(Caller caller, Image image, String before) {
        if (image.visibility.equals(before)) {
            return;
        }
        if ("public".equals(image.visibility)) {
            policy.enforce(ImagePolicies.PUBLICIZE, caller, ImagePolicies.target(image.owner));
        } else if ("community".equals(image.visibility)) {
            policy.enforce(ImagePolicies.COMMUNITIZE, caller, ImagePolicies.target(image.owner));
        }
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
