package io.strato.image.data;

import io.smallrye.mutiny.Uni;
import io.strato.image.images.Image;
import io.strato.image.images.ImageService;
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
    private final ImageService visibility;

    ImageAccess(ImageService visibility) {
        this.visibility = visibility;
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

    /** Glance's visibility rule, the one image listing and showing use (404 for an invisible image). */
    private Uni<Image> findVisible(UUID id, Caller caller) {
        return visibility.visible(caller, id).invoke(image -> {
            if ("deleted".equals(image.status)) {
                throw notFound(id);
            }
        });
    }

    static NotFound notFound(UUID id) {
        return new NotFound("No image found with ID " + id);
    }
}
