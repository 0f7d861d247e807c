package io.strato.image.quota;

import io.strato.kit.data.quota.ProjectQuotas;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.QuotaExceeded;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * A project's image quotas: how many images it may own and how many bytes they may hold.
 *
 * <p>Every decision first takes the project's lock of the kit's {@link ProjectQuotas} (its row in
 * {@code quota_lock}, SELECT ... FOR UPDATE) inside the caller's transaction, so two creates or two uploads of one project decide one
 * after the other and cannot pass the limit together. An upload reserves, when it starts, the bytes
 * it may write (its Content-Length, or all the project has left when the length is unknown); the
 * project's usage is its images' sizes plus the live reservations of other uploads. A reservation
 * ends with its upload, counts only while its image is saving, and lapses unless renewed (see
 * {@link #renew}), so a crash cannot hold bytes for good. When the upload finishes, its size is
 * checked once more against what the other images hold: the quota holds even if a reservation lapsed.
 */
@ApplicationScoped
public class ImageQuota {
    private static final String COUNT_IMAGES = "select count(*) from image where owner = ?1";
    /** Bytes held by the project's images other than ?2. */
    private static final String STORED_BYTES = "select cast(coalesce(sum(size), 0) as bigint) from image"
            + " where owner = ?1 and id <> ?2";
    /** Bytes held by the project's images and by live reservations, both other than image ?2's. */
    private static final String USED_BYTES = "select cast(coalesce((select sum(size) from image"
            + " where owner = ?1 and id <> ?2), 0) + coalesce((select sum(r.bytes) from image_upload_reservation r"
            + " join image i on i.id = r.image_id where r.project_id = ?1 and r.image_id <> ?2"
            + " and i.status = 'saving' and r.expires_at > now()), 0) as bigint)";
    private static final String DROP_LAPSED = "delete from image_upload_reservation r where r.project_id = ?1"
            + " and (r.expires_at <= now() or not exists (select 1 from image i where i.id = r.image_id"
            + " and i.status = 'saving'))";
    private static final String RESERVE = "insert into image_upload_reservation (image_id, project_id, bytes, expires_at)"
            + " values (?1, ?2, ?3, now() + make_interval(secs => ?4)) on conflict (image_id)"
            + " do update set project_id = excluded.project_id, bytes = excluded.bytes, expires_at = excluded.expires_at";
    private static final String RELEASE = "delete from image_upload_reservation where image_id = ?1";
    private static final String RENEW = "update image_upload_reservation set expires_at = now() + make_interval(secs => $2)"
            + " where image_id = $1";

    private final QuotaConfig config;
    private final Pool pool;

    ImageQuota(QuotaConfig config, Pool pool) {
        this.config = config;
        this.pool = pool;
    }

    /**
     * Fails with {@link QuotaExceeded} (413) when {@code projectId} already owns its quota of images.
     * Runs in the caller's transaction, which keeps the project locked until the new image is committed.
     */
    public Uni<Void> checkCanCreate(String projectId) {
        long max = maxImages(projectId);
        return lock(projectId).chain(session -> number(session, COUNT_IMAGES, projectId)).invoke(count -> {
            if (count >= max) {
                throw new QuotaExceeded("Maximum number of images exceeded: project " + projectId
                        + " may own " + max + " images.");
            }
        }).replaceWithVoid();
    }

    /**
     * Reserves the bytes the upload to image {@code imageId} may write, in the caller's transaction:
     * {@code declaredLength} when the client announced it (413 at once when the project has less
     * left), else all the project has left. Returns the bytes reserved.
     */
    public Uni<Long> reserve(UUID imageId, String projectId, Long declaredLength) {
        long max = maxBytes(projectId);
        return lock(projectId)
                .call(session -> update(session, DROP_LAPSED, projectId))
                .chain(session -> number(session, USED_BYTES, projectId, imageId).chain(used -> {
                    long left = Math.max(0, max - used);
                    if (declaredLength != null && declaredLength > left) {
                        throw new QuotaExceeded("Image storage quota exceeded for project " + projectId + ": the upload"
                                + " of " + declaredLength + " bytes is more than the " + left + " bytes it has left.");
                    }
                    long bytes = declaredLength != null ? declaredLength : left;
                    return update(session, RESERVE, imageId, projectId, bytes, ttlSeconds()).replaceWith(bytes);
                }));
    }

    /**
     * Fails with {@link QuotaExceeded} when {@code size} bytes for image {@code imageId} would take the
     * project's stored bytes past its quota; in the caller's transaction, before the image is activated.
     */
    public Uni<Void> checkFits(UUID imageId, String projectId, long size) {
        long max = maxBytes(projectId);
        return lock(projectId).chain(session -> number(session, STORED_BYTES, projectId, imageId)).invoke(stored -> {
            if (stored + size > max) {
                throw new QuotaExceeded("Image storage quota exceeded for project " + projectId + ": the "
                        + size + " bytes uploaded are more than the " + Math.max(0, max - stored) + " bytes it has left.");
            }
        }).replaceWithVoid();
    }

    /** Ends the reservation of image {@code imageId}'s upload, in the caller's transaction. */
    public Uni<Void> release(UUID imageId) {
        return Panache.getSession().chain(session -> update(session, RELEASE, imageId));
    }

    /**
     * Pushes the expiry of image {@code imageId}'s reservation a full TTL ahead. Runs on its own
     * pooled connection, outside any Hibernate session, so an upload can call it at any moment.
     */
    public Uni<Void> renew(UUID imageId) {
        return pool.preparedQuery(RENEW).execute(Tuple.of(imageId, ttlSeconds())).replaceWithVoid();
    }

    /** Drops a deleted project's lock row, in the caller's transaction. */
    public Uni<Void> forget(String projectId) {
        return ProjectQuotas.unlock(projectId);
    }

    public long renewalMillis() {
        return Math.max(1, config.reservationTtl().toMillis() / 4);
    }

    long maxBytes(String projectId) {
        QuotaConfig.ProjectQuota o = config.projects().get(projectId);
        return o != null && o.maxBytes().isPresent() ? o.maxBytes().get() : config.maxBytes();
    }

    long maxImages(String projectId) {
        QuotaConfig.ProjectQuota o = config.projects().get(projectId);
        return o != null && o.maxImages().isPresent() ? o.maxImages().get() : config.maxImages();
    }

    private double ttlSeconds() {
        return config.reservationTtl().toMillis() / 1000.0;
    }

    /** Locks the project's row (the kit's quota lock, made on first use) until the caller's transaction ends. */
    private static Uni<Mutiny.Session> lock(String projectId) {
        return ProjectQuotas.lock(projectId).chain(() -> Panache.getSession());
    }

    private static Uni<Long> number(Mutiny.Session session, String sql, Object... params) {
        Mutiny.Query<Object> query = session.createNativeQuery(sql);
        bind(query, params);
        return query.getSingleResult().map(n -> ((Number) n).longValue());
    }

    private static Uni<Void> update(Mutiny.Session session, String sql, Object... params) {
        Mutiny.Query<Object> query = session.createNativeQuery(sql);
        bind(query, params);
        return query.executeUpdate().replaceWithVoid();
    }

    private static void bind(Mutiny.Query<Object> query, Object... params) {
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
    }
}
