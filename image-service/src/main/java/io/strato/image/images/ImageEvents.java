package io.strato.image.images;

import io.smallrye.mutiny.Uni;
import io.strato.kit.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

/** What image-service tells the cloud about images, through the outbox (inside the write's transaction). */
@ApplicationScoped
public class ImageEvents {
    public static final String TOPIC = "strato.image";

    private final Outbox outbox;

    public ImageEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Adds {@code strato.image.image.<action>.v1} with the image's Glance JSON as data.
     *
     * @param action created, updated, deleted, deactivated, reactivated, activated
     */
    public Uni<Void> image(String action, Image image) {
        return outbox.add(TOPIC, "strato.image.image." + action + ".v1", image.id.toString(), ImageView.of(image));
    }
}
