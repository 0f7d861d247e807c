package io.strato.image.metadefs;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.Forbidden;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Metadata definition namespaces: the catalog's top level, created with or without their definitions. */
@ApplicationScoped
public class NamespaceService {
    private final NamespaceAccess access;
    private final MetadefNamespaceRepository namespaces;
    private final MetadefDefinitionRepository definitions;
    private final MetadefAssociationRepository associations;
    private final DefinitionService definitionService;
    private final ResourceTypeService resourceTypes;

    public NamespaceService(NamespaceAccess access, MetadefNamespaceRepository namespaces,
                            MetadefDefinitionRepository definitions, MetadefAssociationRepository associations,
                            DefinitionService definitionService, ResourceTypeService resourceTypes) {
        this.access = access;
        this.namespaces = namespaces;
        this.definitions = definitions;
        this.associations = associations;
        this.definitionService = definitionService;
        this.resourceTypes = resourceTypes;
    }

    /** A namespace with its resource type associations, as the list shows it. */
    public record Listed(MetadefNamespace namespace, List<MetadefAssociation> associations) {
    }

    /** A namespace with everything it holds, as show answers it. */
    public record Detail(MetadefNamespace namespace, List<MetadefAssociation> associations,
                         List<MetadefDefinition> properties, List<MetadefDefinition> objects,
                         List<MetadefDefinition> tags) {
    }

    /** A page of namespaces, and whether a next one may follow (the page is full). */
    public record Page(List<Listed> namespaces, boolean full) {
    }

    @WithSession
    public Uni<Page> list(Caller caller, NamespaceQuery query) {
        access.enforce(MetadefPolicies.GET_NAMESPACES, caller, null);
        Uni<MetadefNamespace> marker = query.marker() == null ? Uni.createFrom().nullItem()
                : access.visible(caller, query.marker(), MetadefPolicies.GET_NAMESPACE);
        return marker.flatMap(after -> namespaces.visible(caller.projectId(), access.isAdmin(caller),
                        query.visibility(), query.resourceTypes()).map(all -> query.page(all, after)))
                .flatMap(page -> associations.of(page.stream().map(n -> n.id).toList()).map(all -> {
                    Map<UUID, List<MetadefAssociation>> byNamespace = all.stream()
                            .collect(Collectors.groupingBy(a -> a.namespaceId));
                    return new Page(page.stream().map(n -> new Listed(n, byNamespace.getOrDefault(n.id, List.of())))
                            .toList(), !page.isEmpty() && page.size() == query.limit());
                }));
    }

    @WithSession
    public Uni<Detail> get(Caller caller, String name) {
        return access.visible(caller, name, MetadefPolicies.GET_NAMESPACE).flatMap(this::detail);
    }

    @WithTransaction
    public Uni<Detail> create(Caller caller, MetadefRequests.Namespace request) {
        access.enforce(MetadefPolicies.ADD_NAMESPACE, caller, null);
        MetadefNamespace n = new MetadefNamespace();
        n.id = UUID.randomUUID();
        n.createdAt = DefinitionService.now();
        n.updatedAt = n.createdAt;
        apply(n, request, caller);
        List<Map.Entry<String, Map<String, Object>>> properties =
                request.properties() == null ? null : List.copyOf(request.properties().entrySet());
        return unused(request.namespace(), null).chain(() -> namespaces.persist(n))
                .call(() -> DefinitionService.each(request.resourceTypeAssociations(),
                        a -> resourceTypes.associate(n.id, a.validated())))
                .call(() -> DefinitionService.each(properties, p -> definitionService.insert(n.id,
                        DefinitionKind.PROPERTY, p.getKey(), MetadefRequests.property(p.getKey(), p.getValue()))))
                .call(() -> DefinitionService.each(request.objects(), o -> definitionService.insert(n.id,
                        DefinitionKind.OBJECT, o.validated().name(), o.body())))
                .call(() -> DefinitionService.each(request.tags(), t -> definitionService.insert(n.id,
                        DefinitionKind.TAG, t.validated().name(), Map.of())))
                .flatMap(this::detail);
    }

    /** Glance's update replaces the namespace's own fields; unset optional ones take their defaults again. */
    @WithTransaction
    public Uni<Detail> update(Caller caller, String name, MetadefRequests.Namespace request) {
        return access.visible(caller, name, MetadefPolicies.MODIFY_NAMESPACE).flatMap(n -> {
            String before = n.namespace;
            return unused(request.namespace(), before).map(free -> {
                apply(n, request, caller);
                n.updatedAt = DefinitionService.now();
                return n;
            });
        }).flatMap(this::detail);
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String name) {
        return access.visible(caller, name, MetadefPolicies.DELETE_NAMESPACE).flatMap(n -> {
            if (n.isProtected) {
                throw new Forbidden("Metadata definition namespace " + n.namespace
                        + " is protected and cannot be deleted.");
            }
            // its definitions and associations go with it (ON DELETE CASCADE)
            return namespaces.delete("id", n.id).replaceWithVoid();
        });
    }

    private static void apply(MetadefNamespace n, MetadefRequests.Namespace request, Caller caller) {
        request.validated();
        n.namespace = request.namespace();
        n.displayName = request.displayName();
        n.description = request.description();
        n.visibility = request.visibility() == null ? "private" : request.visibility();
        n.isProtected = Boolean.TRUE.equals(request.isProtected());
        n.owner = request.owner() != null ? request.owner() : caller.projectId();
        if (n.owner == null) {
            throw new Forbidden("A metadata definition namespace needs an owner: use a project-scoped token.");
        }
    }

    /** Fails with Glance's 409 when another namespace has the name. */
    private Uni<Void> unused(String name, String current) {
        if (name == null || name.equals(current)) {
            return Uni.createFrom().voidItem();
        }
        return namespaces.byName(name).invoke(other -> {
            if (other != null) {
                throw new Conflict("The metadata definition namespace=" + name + " already exists.");
            }
        }).replaceWithVoid();
    }

    private Uni<Detail> detail(MetadefNamespace n) {
        return associations.of(n.id).flatMap(a -> definitions.of(n.id, DefinitionKind.PROPERTY).flatMap(p ->
                definitions.of(n.id, DefinitionKind.OBJECT).flatMap(o ->
                        definitions.of(n.id, DefinitionKind.TAG).map(t -> new Detail(n, a, p, o, t)))));
    }
}
