package io.strato.image.members;

import io.smallrye.mutiny.Uni;
import io.strato.image.images.Image;
import io.strato.kit.data.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code strato.image.member.<action>.v1} on topic {@code strato.image}, keyed by the image id. */
@ApplicationScoped
public class MemberEvents {
    static final String TOPIC = "strato.image";

    private final Outbox outbox;

    public MemberEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    Uni<Void> created(Image image, ImageMember m) {
        return publish("created", image, m);
    }

    Uni<Void> updated(Image image, ImageMember m) {
        return publish("updated", image, m);
    }

    Uni<Void> deleted(Image image, ImageMember m) {
        return publish("deleted", image, m);
    }

    private Uni<Void> publish(String action, Image image, ImageMember m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("image_id", m.imageId.toString());
        data.put("member_id", m.memberId);
        data.put("status", m.status);
        data.put("owner", image.owner);
        return outbox.add(TOPIC, "strato.image.member." + action + ".v1", m.imageId.toString(), data);
    }
}
