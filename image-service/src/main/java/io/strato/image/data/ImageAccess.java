package io.strato.image.data;

import io.smallrye.mutiny.Uni;
import io.strato.image.images.Image;
import io.strato.image.images.ImageRepository;
import io.strato.image.members.ImageMember;
import io.strato.image.members.ImageMemberRepository;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may touch an image's data, with Glance's secure-RBAC defaults: an image the caller can't see is
 * 404; upload needs the member role in the owning project (or admin); a deactivated image's data is
 * for admins only. Runs inside the caller's session.
 */
@ApplicationScoped
class ImageAccess {
    private final ImageRepository images;
    private final ImageMemberRepository members;

    ImageAccess(ImageRepository images, ImageMemberRepository members) {
        this.images = images;
        this.members = members;
    }

    Uni<Image> findForUpload(UUID id, Caller caller) {
        return findVisible(id, caller).invoke(image -> {
            boolean admin = caller.hasRole("admin");
            boolean ownerMember = image.owner.equals(caller.projectId()) && caller.hasRole("member");
            if (!admin && !ownerMember) {
                throw new Forbidden("You are not authorized to upload data to image " + id + ".");
            }
        });
    }

    Uni<Image> findForDownload(UUID id, Caller caller) {
        return findVisible(id, caller).invoke(image -> {
            if ("deactivated".equals(image.status) && !caller.hasRole("admin")) {
                throw new Forbidden("The requested image has been deactivated. Image data download is forbidden.");
            }
        });
    }

    private Uni<Image> findVisible(UUID id, Caller caller) {
        return images.findById(id).chain(image -> {
            if (image == null || "deleted".equals(image.status)) {
                return Uni.createFrom().failure(notFound(id));
            }
            if (caller.hasRole("admin") || image.owner.equals(caller.projectId())
                    || "public".equals(image.visibility) || "community".equals(image.visibility)) {
                return Uni.createFrom().item(image);
            }
            if (!"shared".equals(image.visibility) || caller.projectId() == null) {
                return Uni.createFrom().failure(notFound(id));
            }
            return members.findById(new ImageMember.Key(id, caller.projectId()))
                    .onItem().ifNull().failWith(() -> notFound(id))
                    .replaceWith(image);
        });
    }

    static NotFound notFound(UUID id) {
        return new NotFound("No image found with ID " + id);
    }
}
