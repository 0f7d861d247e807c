package io.strato.identity.projects;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.identity.api.Links;
import io.strato.identity.api.Validate;
import io.strato.identity.config.IdentityConfig;
import io.strato.identity.domains.DefaultDomain;
import io.strato.identity.domains.Domain;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import io.strato.kit.web.Paging;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;

@Path("/v3/projects")
@Authenticated
public class ProjectResource {
    private final ProjectService service;
    private final Policy policy;
    private final CurrentCaller caller;
    private final Links links;
    private final IdentityConfig config;
    private final DomainsAsProjects domains;

    public ProjectResource(ProjectService service, Policy policy, CurrentCaller caller, Links links, IdentityConfig config,
                           DomainsAsProjects domains) {
        this.domains = domains;
        this.service = service;
        this.policy = policy;
        this.caller = caller;
        this.links = links;
        this.config = config;
    }

    @GET
    public Uni<ProjectView.Many> list(@QueryParam("name") String name, @QueryParam("domain_id") String domainId,
                                      @QueryParam("parent_id") String parentId, @QueryParam("enabled") String enabled,
                                      @QueryParam("tags") String tags, @QueryParam("tags-any") String tagsAny,
                                      @QueryParam("not-tags") String notTags, @QueryParam("not-tags-any") String notTagsAny,
                                      @QueryParam("limit") String limit, @QueryParam("marker") String marker,
                                      @QueryParam("is_domain") String isDomain) {
        Map<String, Object> target = new HashMap<>();
        target.put("domain_id", domainId);
        policy.enforce(ProjectPolicies.LIST, caller.get(), target);
        if (Boolean.TRUE.equals(Validate.queryBoolean(isDomain, "is_domain"))) {
            return domains.list(name, Validate.queryBoolean(enabled, "enabled")).map(list -> new ProjectView.Many(
                    list.stream().map(d -> ProjectView.ofDomain(d, links)).toList(), links.collection("projects")));
        }
        ProjectFilter f = new ProjectFilter(name, domainId, parentId, Validate.queryBoolean(enabled, "enabled"),
                ProjectFilter.split(tags), ProjectFilter.split(tagsAny), ProjectFilter.split(notTags),
                ProjectFilter.split(notTagsAny));
        return service.list(f, Paging.of(limit, marker, config.maxListLimit(), config.maxListLimit()))
                .map(list -> new ProjectView.Many(list.stream().map(p -> ProjectView.of(p, links)).toList(),
                        links.collection("projects")));
    }

    @GET
    @Path("{id}")
    public Uni<ProjectView.One> get(@PathParam("id") String id) {
        return service.get(id).map(p -> {
            policy.enforce(ProjectPolicies.GET, caller.get(), target(p));
            return new ProjectView.One(ProjectView.of(p, links));
        }).onFailure(NotFound.class).recoverWithUni(notProject -> orDomain(id, notProject).map(d -> {
            policy.enforce(ProjectPolicies.GET, caller.get(), target(d));
            return new ProjectView.One(ProjectView.ofDomain(d, links));
        }));
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "Created", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProjectView.One.class)))
    public Uni<ProjectView.One> create(ProjectView.Body body) {
        ProjectView.Fields f = Validate.body(body == null ? null : body.project(), "project");
        Caller c = caller.get();
        if (Boolean.TRUE.equals(f.isDomain())) {
            policy.enforce(ProjectPolicies.CREATE, c, Map.of("project", new HashMap<String, Object>()));
            return domains.create(f).map(d -> new ProjectView.One(ProjectView.ofDomain(d, links)));
        }
        String defaultDomain = DefaultDomain.of(c);
        String domainId = DefaultDomain.of(c, f.domainId());
        policy.enforce(ProjectPolicies.CREATE, c, Map.of("project", Map.of("domain_id", domainId)));
        return service.create(f, defaultDomain)
                .map(p -> new ProjectView.One(ProjectView.of(p, links)));
    }

    @PATCH
    @Path("{id}")
    public Uni<ProjectView.One> update(@PathParam("id") String id, ProjectView.Body body) {
        ProjectView.Fields f = Validate.body(body == null ? null : body.project(), "project");
        return service.get(id).flatMap(p -> {
            policy.enforce(ProjectPolicies.UPDATE, caller.get(), target(p));
            return service.update(id, f);
        }).map(p -> new ProjectView.One(ProjectView.of(p, links)))
                .onFailure(NotFound.class).recoverWithUni(notProject -> orDomain(id, notProject).flatMap(d -> {
                    policy.enforce(ProjectPolicies.UPDATE, caller.get(), target(d));
                    return domains.update(id, f);
                }).map(d -> new ProjectView.One(ProjectView.ofDomain(d, links))));
    }

    @DELETE
    @Path("{id}")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.get(id).onFailure(NotFound.class).recoverWithItem((Project) null).flatMap(p -> {
            if (p == null) {
                return orDomain(id, new NotFound("Could not find project: " + id + ".")).flatMap(d -> {
                    policy.enforce(ProjectPolicies.DELETE, caller.get(), target(d));
                    return domains.delete(id);
                });
            }
            policy.enforce(ProjectPolicies.DELETE, caller.get(), target(p));
            return service.delete(id);
        }).map(v -> Response.noContent().build());
    }

    @GET
    @Path("{id}/tags")
    public Uni<ProjectView.Tags> tags(@PathParam("id") String id) {
        return service.get(id).map(p -> {
            policy.enforce(ProjectPolicies.TAGS_READ, caller.get(), target(p));
            return new ProjectView.Tags(p.tagList());
        });
    }

    @PUT
    @Path("{id}/tags")
    public Uni<ProjectView.Tags> replaceTags(@PathParam("id") String id, ProjectView.Tags body) {
        ProjectView.Tags tags = Validate.body(body, "tags");
        return service.get(id).flatMap(p -> {
            policy.enforce(ProjectPolicies.TAGS_WRITE, caller.get(), target(p));
            return service.setTags(id, tags.tags());
        }).map(p -> new ProjectView.Tags(p.tagList()));
    }

    @DELETE
    @Path("{id}/tags")
    public Uni<Response> clearTags(@PathParam("id") String id) {
        return service.get(id).flatMap(p -> {
            policy.enforce(ProjectPolicies.TAGS_WRITE, caller.get(), target(p));
            return service.setTags(id, null);
        }).map(p -> Response.noContent().build());
    }

    @GET
    @Path("{id}/tags/{tag}")
    public Uni<Response> hasTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        return service.get(id).map(p -> {
            policy.enforce(ProjectPolicies.TAGS_READ, caller.get(), target(p));
            if (!p.tagList().contains(tag)) {
                throw new NotFound("Could not find tag: " + tag + ".");
            }
            return Response.noContent().build();
        });
    }

    @HEAD
    @Path("{id}/tags/{tag}")
    public Uni<Response> headTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        return hasTag(id, tag);
    }

    @PUT
    @Path("{id}/tags/{tag}")
    public Uni<Response> addTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        return service.get(id).flatMap(p -> {
            policy.enforce(ProjectPolicies.TAGS_WRITE, caller.get(), target(p));
            return service.addTag(id, tag);
        }).map(p -> Response.status(201).build());
    }

    @DELETE
    @Path("{id}/tags/{tag}")
    public Uni<Response> removeTag(@PathParam("id") String id, @PathParam("tag") String tag) {
        return service.get(id).flatMap(p -> {
            policy.enforce(ProjectPolicies.TAGS_WRITE, caller.get(), target(p));
            return service.removeTag(id, tag);
        }).map(p -> Response.noContent().build());
    }

    private static Map<String, Object> target(Project p) {
        return Map.of("project", Map.of("id", p.id, "domain_id", p.domainId));
    }

    /** A project acting as a domain belongs to itself, for the rules that look at the project's domain. */
    private static Map<String, Object> target(Domain d) {
        return Map.of("project", Map.of("id", d.id, "domain_id", d.id));
    }

    /** The domain of that id, else the project's own 404. */
    private Uni<Domain> orDomain(String id, Throwable notProject) {
        return domains.get(id).onFailure(NotFound.class).transform(e -> notProject);
    }
}
