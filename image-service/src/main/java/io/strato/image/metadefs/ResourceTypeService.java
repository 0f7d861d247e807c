package io.strato.image.metadefs;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.NotFound;
import io.strato.kit.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Resource types and the namespaces associated with them. */
@ApplicationScoped
public class ResourceTypeService {
    private final NamespaceAccess access;
    private final MetadefResourceTypeRepository types;
    private final MetadefAssociationRepository associations;
    private final Policy policy;

    public ResourceTypeService(NamespaceAccess access, MetadefResourceTypeRepository types,
                               MetadefAssociationRepository associations, Policy policy) {
        this.access = access;
        this.types = types;
        this.associations = associations;
        this.policy = policy;
    }

    @WithSession
    public Uni<List<MetadefResourceType>> types(Caller caller) {
        policy.enforce(MetadefPolicies.LIST_RESOURCE_TYPES, caller, MetadefPolicies.target(null));
        return types.all();
    }

    @WithSession
    public Uni<List<MetadefAssociation>> associations(Caller caller, String namespace) {
        return access.visible(caller, namespace, MetadefPolicies.GET_RESOURCE_TYPE)
                .flatMap(n -> associations.of(n.id));
    }

    @WithTransaction
    public Uni<MetadefAssociation> associate(Caller caller, String namespace, MetadefRequests.Association request) {
        return access.visible(caller, namespace, MetadefPolicies.ADD_ASSOCIATION).flatMap(n ->
                associations.find(n.id, request.name()).flatMap(found -> {
                    if (found != null) {
                        throw new Conflict("The metadata definition resource-type association of resource-type="
                                + request.name() + " to namespace=" + n.namespace + ", already exists.");
                    }
                    return associate(n.id, request);
                }));
    }

    @WithTransaction
    public Uni<Void> dissociate(Caller caller, String namespace, String resourceType) {
        return access.visible(caller, namespace, MetadefPolicies.REMOVE_ASSOCIATION).flatMap(n ->
                associations.find(n.id, resourceType).onItem().ifNull().failWith(() -> new NotFound(
                        "The metadata definition resource-type association of resource-type=" + resourceType
                                + " to namespace=" + n.namespace + ", was not found."))
                        .flatMap(associations::delete));
    }

    /** Associates a namespace with a resource type, which is created if it is new, as Glance does. */
    Uni<MetadefAssociation> associate(UUID namespaceId, MetadefRequests.Association request) {
        return types.findById(request.name()).flatMap(type -> {
            if (type != null) {
                return Uni.createFrom().item(type);
            }
            MetadefResourceType t = new MetadefResourceType();
            t.name = request.name();
            t.createdAt = DefinitionService.now();
            t.updatedAt = t.createdAt;
            return types.persist(t);
        }).flatMap(type -> {
            MetadefAssociation a = new MetadefAssociation();
            a.id = UUID.randomUUID();
            a.namespaceId = namespaceId;
            a.resourceType = type.name;
            a.prefix = request.prefix();
            a.propertiesTarget = request.propertiesTarget();
            a.createdAt = DefinitionService.now();
            a.updatedAt = a.createdAt;
            return associations.persist(a);
        });
    }
}
