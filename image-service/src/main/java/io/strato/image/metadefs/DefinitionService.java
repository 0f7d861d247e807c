package io.strato.image.metadefs;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A namespace's property, object and tag definitions: each kind named uniquely within its namespace,
 * read by whoever sees the namespace, written under the kind's rule (an admin's, by default).
 */
@ApplicationScoped
public class DefinitionService {
    private final NamespaceAccess access;
    private final MetadefDefinitionRepository definitions;

    public DefinitionService(NamespaceAccess access, MetadefDefinitionRepository definitions) {
        this.access = access;
        this.definitions = definitions;
    }

    /** The namespace's definitions of a kind, with the namespace's current name. */
    public record Listed(String namespace, List<MetadefDefinition> definitions) {
    }

    @WithSession
    public Uni<Listed> list(Caller caller, String namespace, DefinitionKind kind) {
        return access.visible(caller, namespace, MetadefPolicies.rule("list", kind))
                .flatMap(n -> definitions.of(n.id, kind).map(all -> new Listed(n.namespace, all)));
    }

    @WithSession
    public Uni<MetadefDefinition> get(Caller caller, String namespace, DefinitionKind kind, String name) {
        return access.visible(caller, namespace, MetadefPolicies.rule("get", kind))
                .flatMap(n -> existing(n, kind, name));
    }

    @WithTransaction
    public Uni<MetadefDefinition> create(Caller caller, String namespace, DefinitionKind kind, String name,
                                         Map<String, Object> body) {
        return access.visible(caller, namespace, MetadefPolicies.rule("add", kind))
                .flatMap(n -> definitions.find(n.id, kind, name).flatMap(found -> {
                    if (found != null) {
                        throw kind.duplicate(name, n.namespace);
                    }
                    return insert(n.id, kind, name, body);
                }));
    }

    /** Replaces a definition, renamed when the body names it otherwise. */
    @WithTransaction
    public Uni<MetadefDefinition> update(Caller caller, String namespace, DefinitionKind kind, String name,
                                         String newName, Map<String, Object> body) {
        return access.visible(caller, namespace, MetadefPolicies.rule("modify", kind))
                .flatMap(n -> existing(n, kind, name).flatMap(d -> {
                    Uni<MetadefDefinition> free = newName.equals(name) ? Uni.createFrom().nullItem()
                            : definitions.find(n.id, kind, newName);
                    return free.map(clash -> {
                        if (clash != null) {
                            throw kind.duplicate(newName, n.namespace);
                        }
                        d.name = newName;
                        d.body = body;
                        d.updatedAt = now();
                        return d;
                    });
                }));
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, String namespace, DefinitionKind kind, String name) {
        return access.visible(caller, namespace, MetadefPolicies.rule("delete", kind))
                .flatMap(n -> existing(n, kind, name)).flatMap(definitions::delete);
    }

    /** Glance's create-tags: the given tags replace the namespace's, or join them when {@code append}. */
    @WithTransaction
    public Uni<List<String>> createTags(Caller caller, String namespace, List<String> names, boolean append) {
        if (new HashSet<>(names).size() != names.size()) {
            throw new Conflict("A metadata tag is given more than once in namespace=" + namespace + ".");
        }
        return access.visible(caller, namespace, MetadefPolicies.rule("add_all", DefinitionKind.TAG)).flatMap(n -> {
            Uni<Void> cleared = append ? definitions.of(n.id, DefinitionKind.TAG).invoke(existing -> existing.stream()
                    .filter(t -> names.contains(t.name)).findFirst().ifPresent(t -> {
                        throw DefinitionKind.TAG.duplicate(t.name, n.namespace);
                    })).replaceWithVoid()
                    : definitions.deleteAll(n.id, DefinitionKind.TAG).replaceWithVoid();
            return cleared.chain(() -> each(names, tag -> insert(n.id, DefinitionKind.TAG, tag, Map.of())))
                    .replaceWith(names);
        });
    }

    @WithTransaction
    public Uni<Void> deleteAll(Caller caller, String namespace, DefinitionKind kind) {
        return access.visible(caller, namespace, MetadefPolicies.rule("delete_all", kind))
                .flatMap(n -> definitions.deleteAll(n.id, kind)).replaceWithVoid();
    }

    /** Stores a definition; the caller has checked the namespace and the name. */
    Uni<MetadefDefinition> insert(UUID namespaceId, DefinitionKind kind, String name, Map<String, Object> body) {
        MetadefDefinition d = new MetadefDefinition();
        d.id = UUID.randomUUID();
        d.namespaceId = namespaceId;
        d.kind = kind.value;
        d.name = name;
        d.body = body;
        d.createdAt = now();
        d.updatedAt = d.createdAt;
        return definitions.persist(d);
    }

    private Uni<MetadefDefinition> existing(MetadefNamespace n, DefinitionKind kind, String name) {
        return definitions.find(n.id, kind, name).onItem().ifNull().failWith(() -> kind.notFound(name, n.namespace));
    }

    /** Runs one step per item, one after the other (a reactive session runs one statement at a time). */
    static <T> Uni<Void> each(List<T> items, Function<T, Uni<?>> step) {
        Uni<Void> all = Uni.createFrom().voidItem();
        if (items != null) {
            for (T item : items) {
                all = all.chain(() -> step.apply(item)).replaceWithVoid();
            }
        }
        return all;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
