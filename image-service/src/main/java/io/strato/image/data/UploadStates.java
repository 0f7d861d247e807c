package io.strato.image.data;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.image.images.Image;
import io.strato.image.images.ImageRepository;
import io.strato.image.quota.ImageQuota;
import io.strato.image.store.StoredImage;
import io.strato.kit.auth.Caller;
import io.strato.kit.data.outbox.Outbox;
import io.strato.kit.faults.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The image's status around an upload, each step its own short transaction: no transaction stays
 * open while bytes stream. The queued→saving move is one conditional UPDATE, so of two concurrent
 * uploads exactly one wins; the same transaction reserves the bytes the upload may write
 * ({@link ImageQuota}), and the step that ends the upload ends the reservation.
 */
@ApplicationScoped
class UploadStates {
    static final String TOPIC = "strato.image";
    static final String ACTIVATED = "strato.image.image.activated.v1";

    private final ImageRepository images;
    private final ImageAccess access;
    private final ImageQuota quota;
    private final Outbox outbox;

    UploadStates(ImageRepository images, ImageAccess access, ImageQuota quota, Outbox outbox) {
        this.images = images;
        this.access = access;
        this.quota = quota;
        this.outbox = outbox;
    }

    /** An upload that may proceed: the image is now saving and may take {@code maxBytes}, its reservation. */
    record Upload(UUID imageId, String owner, String diskFormat, long maxBytes) {
    }

    /**
     * Moves image {@code id} to saving and reserves the bytes its upload may write: {@code declaredLength}
     * when the client announced it, else all its project has left.
     */
    @WithTransaction
    Uni<Upload> begin(UUID id, Caller caller, Long declaredLength) {
        return access.findForUpload(id, caller).chain(image -> {
            if (!"queued".equals(image.status)) {
                throw conflict(image);
            }
            return images.update("status = 'saving', updatedAt = ?2, version = version + 1"
                            + " where id = ?1 and status = 'queued'", id, Instant.now())
                    .chain(updated -> {
                        if (updated != 1) {
                            return Uni.createFrom().failure(new Conflict(
                                    "Image " + id + " is already being uploaded to."));
                        }
                        return quota.reserve(id, image.owner, declaredLength)
                                .map(bytes -> new Upload(id, image.owner, image.diskFormat, bytes));
                    });
        });
    }

    /**
     * Records the stored bytes, activates the image and ends its reservation; false when it left
     * "saving" meanwhile. Fails with QuotaExceeded when the bytes no longer fit the project's quota.
     */
    @WithTransaction
    Uni<Boolean> finish(Upload upload, StoredImage stored, Long virtualSize) {
        // HQL can't type a null parameter in an assignment, so an unknown virtual size is spelled out
        String virtual = virtualSize == null ? "virtualSize = null" : "virtualSize = " + virtualSize.longValue();
        return quota.checkFits(upload.imageId(), upload.owner(), stored.size())
                .chain(() -> images.update("size = ?2, checksum = ?3, osHashAlgo = 'sha512', osHashValue = ?4, " + virtual
                                + ", storeLocation = ?5, status = 'active', updatedAt = ?6,"
                                + " version = version + 1 where id = ?1 and status = 'saving'",
                        upload.imageId(), stored.size(), stored.md5(), stored.sha512(), stored.location(), Instant.now()))
                .call(() -> quota.release(upload.imageId()))
                .chain(updated -> updated != 1 ? Uni.createFrom().item(false)
                        : outbox.add(TOPIC, ACTIVATED, upload.imageId().toString(), activated(upload, stored, virtualSize))
                                .replaceWith(true));
    }

    /**
     * Puts a saving image back to {@code status} ("queued", or "killed" after a store failure) and
     * ends its reservation.
     */
    @WithTransaction
    Uni<Void> abort(UUID id, String status) {
        return images.update("status = ?2, updatedAt = ?3, version = version + 1 where id = ?1 and status = 'saving'",
                id, status, Instant.now()).call(() -> quota.release(id)).replaceWithVoid();
    }

    @WithSession
    Uni<Image> findForDownload(UUID id, Caller caller) {
        return access.findForDownload(id, caller);
    }

    private static Map<String, Object> activated(Upload upload, StoredImage stored, Long virtualSize) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", upload.imageId().toString());
        data.put("owner", upload.owner());
        data.put("size", stored.size());
        data.put("checksum", stored.md5());
        data.put("os_hash_algo", "sha512");
        data.put("os_hash_value", stored.sha512());
        data.put("disk_format", upload.diskFormat());
        data.put("virtual_size", virtualSize);
        return data;
    }

    private static Conflict conflict(Image image) {
        return new Conflict("Image " + image.id + " is " + image.status
                + "; data can only be uploaded to a queued image.");
    }
}
