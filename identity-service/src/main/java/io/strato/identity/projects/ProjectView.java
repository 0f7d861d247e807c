package io.strato.identity.projects;

import io.strato.identity.api.Links;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Keystone's JSON for a project. A top-level project's parent is its domain, as Keystone shows it. */
public record ProjectView(String id, String name, String domainId, String parentId, String description,
                          boolean enabled, boolean isDomain, List<String> tags, Map<String, Object> options,
                          Map<String, String> links) {

    /** A domain as the projects API shows it: a project acting as a domain, with no domain nor parent. */
    public static ProjectView ofDomain(io.strato.identity.domains.Domain d, Links links) {
        return new ProjectView(d.id, d.name, null, null, d.description, d.enabled, true, List.of(), Map.of(),
                links.self("projects/" + d.id));
    }

    public static ProjectView of(Project p, Links links) {
        return new ProjectView(p.id, p.name, p.domainId, p.parentId != null ? p.parentId : p.domainId,
                p.description, p.enabled, false, p.tagList(), Map.of(), links.self("projects/" + p.id));
    }

    @Schema(name = "ProjectOne")
    public record One(ProjectView project) {
    }

    @Schema(name = "ProjectMany")
    public record Many(List<ProjectView> projects, Map<String, String> links) {
    }

    /** Request body: {"project": {...}}. */
    @Schema(name = "ProjectBody")
    public record Body(Fields project) {
    }

    @Schema(name = "ProjectFields")
    public record Fields(String name, String domainId, String parentId, String description, Boolean enabled,
                         Boolean isDomain, List<String> tags) {
    }

    /** {"tags": [...]}, for PUT /v3/projects/{id}/tags. */
    @Schema(name = "ProjectTags")
    public record Tags(List<String> tags) {
    }
}
