package io.strato.kit.data.events;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Test-only entity: the "state change" written next to an outbox event. */
@Entity
@Table(name = "kit_widget")
public class Widget extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public Widget() {
    }

    public Widget(UUID id, String name) {
        this.id = id;
        this.name = name;
    }
}
