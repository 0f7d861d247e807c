package io.strato.identity.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A Keystone project. Tags are stored comma-joined: Keystone forbids ',' and '/' in a tag. */
@Entity
@Table(name = "project")
public class Project {
    @Id
    public String id;
    public String name;
    @Column(name = "domain_id")
    public String domainId;
    @Column(name = "parent_id")
    public String parentId;
    public String description;
    public boolean enabled = true;
    public String tags = "";
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    public List<String> tagList() {
        return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    public void tagList(List<String> list) {
        tags = list == null ? "" : String.join(",", list);
    }
}
