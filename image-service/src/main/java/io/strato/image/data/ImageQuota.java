package io.strato.image.data;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.strato.image.images.ImageRepository;
import io.strato.kit.faults.QuotaExceeded;
import jakarta.enterprise.context.ApplicationScoped;

/** A project's image quotas: how many images it may own and how many bytes they may hold. */
@ApplicationScoped
public class ImageQuota {
    private final QuotaConfig config;
    private final ImageRepository images;

    ImageQuota(QuotaConfig config, ImageRepository images) {
        this.config = config;
        this.images = images;
    }

    /** Fails with {@link QuotaExceeded} (413) when {@code projectId} already owns its quota of images. */
    @WithSession
    public Uni<Void> checkCanCreate(String projectId) {
        long max = maxImages(projectId);
        return images.count("owner", projectId).invoke(count -> {
            if (count >= max) {
                throw new QuotaExceeded("Maximum number of images exceeded: project " + projectId
                        + " may own " + max + " images.");
            }
        }).replaceWithVoid();
    }

    /** Bytes {@code projectId} may still store (never negative); needs a session. */
    Uni<Long> remainingBytes(String projectId) {
        long max = maxBytes(projectId);
        return images.find("select coalesce(sum(i.size), 0) from Image i where i.owner = ?1", projectId)
                .project(Long.class).singleResult()
                .map(used -> Math.max(0, max - used));
    }

    long maxBytes(String projectId) {
        QuotaConfig.ProjectQuota o = config.projects().get(projectId);
        return o != null && o.maxBytes().isPresent() ? o.maxBytes().get() : config.maxBytes();
    }

    long maxImages(String projectId) {
        QuotaConfig.ProjectQuota o = config.projects().get(projectId);
        return o != null && o.maxImages().isPresent() ? o.maxImages().get() : config.maxImages();
    }
}
