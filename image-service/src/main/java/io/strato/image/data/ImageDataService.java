package io.strato.image.data;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.strato.image.images.Image;
import io.strato.image.quota.ImageQuota;
import io.strato.image.store.ImageStore;
import io.strato.image.store.SizeLimitExceeded;
import io.strato.image.store.StorageFull;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.QuotaExceeded;
import io.strato.kit.vertx.CallerContext;
import io.vertx.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Image data: streams an upload into the store while the image is "saving" and activates it when
 * every byte is kept; streams stored bytes back. An upload that fails leaves the image "queued" (the
 * client's fault: aborted, over quota; or a full store, as Glance does, so it can be sent again once there is
 * room) or "killed" (any other failure of the store), and no bytes behind.
 */
@ApplicationScoped
public class ImageDataService {

    private static final Logger LOG = Logger.getLogger(ImageDataService.class);

    private final UploadStates states;
    private final ImageStore store;
    private final ImageQuota quota;
    private final Vertx vertx;

    ImageDataService(UploadStates states, ImageStore store, ImageQuota quota, Vertx vertx) {
        this.states = states;
        this.store = store;
        this.quota = quota;
        this.vertx = vertx;
    }

    /** Thrown through the body stream when the client stops sending (disconnects mid-upload). */
    static final class BodyInterrupted extends RuntimeException {
        BodyInterrupted(Throwable cause) {
            super("the client stopped sending the image data: " + cause.getMessage(), cause);
        }
    }

    /** Image bytes to send: the whole image or one range of it. */
    public record Download(Multi<Buffer> body, long size, long offset, long length, String contentMd5, boolean partial) {
    }

    /**
     * Streams {@code body} into the store as the data of image {@code id}. {@code body} is subscribed
     * to only once the image has moved to "saving" with its bytes reserved: {@code declaredLength}
     * (the request's Content-Length, null when chunked), or all the project has left. While the bytes
     * stream, the reservation is renewed so that it does not lapse.
     */
    public Uni<Void> upload(UUID id, Caller caller, Multi<Buffer> body, Long declaredLength) {
        Executor back = CallerContext.capture();
        return states.begin(id, caller, declaredLength).chain(upload -> {
            long renewal = vertx.setPeriodic(quota.renewalMillis(), tick -> quota.renew(id).subscribe().with(
                    ok -> { }, e -> LOG.warnf("could not renew the byte reservation of image %s: %s", id, e.getMessage())));
            VirtualSize virtualSize = new VirtualSize();
            Multi<Buffer> watched = body.onItem().invoke(virtualSize::accept)
                    .onFailure().transform(BodyInterrupted::new);
            return store.write(id, watched, upload.maxBytes())
                    .emitOn(back)
                    .onFailure().call(e -> states.abort(id, e instanceof BodyInterrupted || e instanceof SizeLimitExceeded
                            || e instanceof StorageFull ? "queued" : "killed"))
                    .onFailure(StorageFull.class).transform(e -> {
                        LOG.errorf("image %s: the image store is full, the upload was stopped and its bytes removed: %s",
                                id, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                        return new StorageMediaFull();
                    })
                    .onFailure(SizeLimitExceeded.class).transform(e -> new QuotaExceeded(
                            "Image storage quota exceeded for project " + upload.owner() + ": the upload was stopped"
                                    + " after " + ((SizeLimitExceeded) e).limit() + " bytes, all the project has left."))
                    .chain(stored -> states.finish(upload, stored, virtualSize.of(upload.diskFormat(), stored.size()))
                            .onFailure().call(e -> store.delete(stored.location())
                                    .chain(() -> states.abort(id, e instanceof QuotaExceeded ? "queued" : "killed"))
                                    .onFailure().recoverWithNull())
                            .chain(activated -> activated ? Uni.createFrom().voidItem()
                                    : store.delete(stored.location()).chain(() -> Uni.createFrom().failure(new Conflict(
                                            "Image " + id + " was deleted or changed while its data was uploaded.")))))
                    .onCancellation().call(() -> states.abort(id, "queued"))
                    .onTermination().invoke(() -> vertx.cancelTimer(renewal));
        });
    }

    /**
     * The bytes of image {@code id} (one range of them when {@code range} is a Range header), or null
     * when the image has no data yet.
     */
    public Uni<Download> download(UUID id, Caller caller, String range) {
        return states.findForDownload(id, caller).chain(image -> {
            if (image.storeLocation == null || image.size == null) {
                return Uni.createFrom().nullItem();
            }
            // Checked before the answer starts: a 200 whose body then fails reaches the client as an empty or
            // cut download. Glance answers 204 when its store has no data for the image; so do we.
            return store.exists(image.storeLocation).map(there -> {
                if (!there) {
                    LOG.warnf("image %s is %s but its data is missing from the store (%s)", image.id, image.status,
                            image.storeLocation);
                    return null;
                }
                long size = image.size;
                if (range == null || range.isBlank()) {
                    return new Download(store.read(image.storeLocation, 0, size), size, 0, size, contentMd5(image),
                            false);
                }
                ByteRange r = ByteRange.parse(range, size);
                return new Download(store.read(image.storeLocation, r.offset(), r.length()), size, r.offset(),
                        r.length(), null, true);
            });
        });
    }

    /**
     * Glance sends the image's checksum, hex md5, as Content-MD5 (not RFC 1864's base64), and the
     * clients compare the downloaded bytes' hex md5 with it: base64 makes `openstack image save` fail.
     */
    private static String contentMd5(Image image) {
        return image.checksum;
    }

}
