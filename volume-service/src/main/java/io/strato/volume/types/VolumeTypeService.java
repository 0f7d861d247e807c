package io.strato.volume.types;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.kit.web.Booleans;
import io.strato.volume.backend.Backends;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Volume types and their extra specs (admins manage them; everyone sees the public ones). */
@ApplicationScoped
public class VolumeTypeService {
    private static final String IN_USE = "select count(*) from volume where volume_type_id = ?1";

    private final VolumeTypeRepository types;
    private final VolumeTypeAccessRepository access;
    private final Backends backends;
    private final EncryptionTypeRepository encryptions;

    public VolumeTypeService(VolumeTypeRepository types, VolumeTypeAccessRepository access, Backends backends,
                             EncryptionTypeRepository encryptions) {
        this.encryptions = encryptions;
        this.types = types;
        this.access = access;
        this.backends = backends;
    }

    /**
     * The types a caller lists: for an admin all of them ({@code is_public} true, false or None filters), for others
     * the public ones and the private ones their project was given access to, as Cinder's type query.
     */
    @WithSession
    public Uni<List<VolumeType>> list(boolean admin, String project, String isPublic) {
        Uni<Set<UUID>> granted = admin ? Uni.createFrom().item(Set.of()) : access.typesOf(project).map(Set::copyOf);
        return granted.flatMap(mine -> types.listAll(io.quarkus.panache.common.Sort.by("name")).map(all -> all.stream()
                .filter(t -> admin ? isPublic == null || isPublic.equalsIgnoreCase("none")
                        || Booleans.isTrue(isPublic) == t.isPublic : t.isPublic || mine.contains(t.id))
                .toList()));
    }

    /**
     * The type with this id (or, as cinderclient falls back to, this name); a private type only for admins and the
     * projects given access to it ({@code project} the caller's).
     */
    @WithSession
    public Uni<VolumeType> get(String idOrName, boolean admin, String project) {
        UUID id = Ids.orNull(idOrName);
        Uni<VolumeType> found = id != null ? types.findById(id) : types.findByName(idOrName);
        return found.flatMap(t -> {
            if (t == null) {
                throw notFound(idOrName);
            }
            if (t.isPublic || admin) {
                return Uni.createFrom().item(t);
            }
            return access.allowed(t.id, project).map(allowed -> {
                if (!allowed) {
                    throw notFound(idOrName);
                }
                return t;
            });
        });
    }

    /** An admin's look-up of any type. */
    private Uni<VolumeType> get(String idOrName) {
        return get(idOrName, true, null);
    }

    private static NotFound notFound(String idOrName) {
        return new NotFound("Volume type " + idOrName + " could not be found.");
    }

    /** The type a volume create names (id or name), or the default type when it names none. */
    public Uni<VolumeType> forCreate(String idOrName, boolean admin, String project) {
        return idOrName == null || idOrName.isBlank() ? get(VolumeType.DEFAULT_NAME) : get(idOrName, admin, project);
    }

    @WithTransaction
    public Uni<VolumeType> create(VolumeTypeRequest.CreateFields body) {
        VolumeType t = new VolumeType();
        t.id = UUID.randomUUID();
        t.name = name(body.name());
        t.description = text(body.description(), "description");
        JsonNode pub = body.accessIsPublic() != null ? body.accessIsPublic() : body.isPublic();
        t.isPublic = pub == null || pub.isNull() || Booleans.require(pub, "is_public");
        t.extraSpecs = specs(body.extraSpecs());
        t.createdAt = t.updatedAt = Instant.now();
        return types.findByName(t.name).flatMap(existing -> {
            if (existing != null) {
                throw new Conflict("Volume Type " + t.name + " already exists.");
            }
            return types.persist(t);
        });
    }

    @WithTransaction
    public Uni<VolumeType> update(String id, VolumeTypeRequest.UpdateFields body) {
        return get(id).map(t -> {
            if (body.name() != null) {
                t.name = name(body.name());
            }
            if (body.description() != null) {
                t.description = text(body.description(), "description");
            }
            if (body.isPublic() != null) {
                t.isPublic = Booleans.require(body.isPublic(), "is_public");
            }
            t.updatedAt = Instant.now();
            return t;
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id) {
        return get(id).flatMap(t -> {
            if (VolumeType.DEFAULT_NAME.equals(t.name)) {
                throw new InvalidInput("Default volume type can not be deleted.");
            }
            return types.getSession().flatMap(s -> s.createNativeQuery(IN_USE).setParameter(1, t.id).getSingleResult())
                    .flatMap(n -> {
                        if (((Number) n).longValue() > 0) {
                            throw new InvalidInput("Target volume type " + t.id + " is still in use.");
                        }
                        return types.deleteRow(t).replaceWithVoid();
                    });
        });
    }

    @WithTransaction
    public Uni<Map<String, String>> setSpecs(String id, JsonNode specs) {
        Map<String, String> add = specs(specs);
        return get(id).map(t -> {
            Map<String, String> merged = new HashMap<>(t.extraSpecs);
            merged.putAll(add);
            t.extraSpecs = merged;
            t.updatedAt = Instant.now();
            return add;
        });
    }

    @WithTransaction
    public Uni<Void> unsetSpec(String id, String key) {
        return get(id).map(t -> {
            if (!t.extraSpecs.containsKey(key)) {
                throw new NotFound("Volume Type " + t.id + " has no extra specs with key " + key + ".");
            }
            Map<String, String> left = new HashMap<>(t.extraSpecs);
            left.remove(key);
            t.extraSpecs = left;
            t.updatedAt = Instant.now();
            return null;
        });
    }

    /** The projects given access to a private type (Cinder: 404 for a public type, which has no list). */
    @WithSession
    public Uni<List<VolumeTypeAccess>> access(String id) {
        return get(id).flatMap(t -> {
            if (t.isPublic) {
                throw new NotFound("Access list not available for public volume types.");
            }
            return access.ofType(t.id);
        });
    }

    /** The type's row, locked until the transaction ends. */
    Uni<VolumeType> locked(UUID id) {
        return types.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Refuses (400) a volume of a type with encryption specs: Strato has no key manager to hold the volume's key (a
     * Cinder without one fails such creates as well).
     */
    public Uni<Void> refuseEncrypted(VolumeType t) {
        return encryptions.ofType(t.id).invoke(e -> {
            if (e != null) {
                throw new InvalidInput("Invalid volume type: volume type " + t.name + " is encrypted, and this cloud"
                        + " has no key manager for volume encryption keys.");
            }
        }).replaceWithVoid();
    }

    /** Gives a project access to a private type (under the type's row lock, so a racing add is a 409, not a 500). */
    @WithTransaction
    public Uni<Void> addAccess(String id, String project) {
        return lockedPrivate(id).flatMap(t -> access.allowed(t.id, project).flatMap(exists -> {
            if (exists) {
                throw new Conflict("Volume type access for " + t.id + " / " + project + " combination already exists.");
            }
            VolumeTypeAccess a = new VolumeTypeAccess();
            a.id = UUID.randomUUID();
            a.volumeTypeId = t.id;
            a.projectId = project;
            a.createdAt = Instant.now();
            return access.persist(a).replaceWithVoid();
        }));
    }

    @WithTransaction
    public Uni<Void> removeAccess(String id, String project) {
        return lockedPrivate(id).flatMap(t -> access.remove(t.id, project).invoke(removed -> {
            if (!removed) {
                throw new NotFound("Volume type access not found for " + t.id + " / " + project + " combination.");
            }
        })).replaceWithVoid();
    }

    private Uni<VolumeType> lockedPrivate(String id) {
        return get(id).flatMap(found -> types.findById(found.id, LockModeType.PESSIMISTIC_WRITE)).invoke(t -> {
            if (t.isPublic) {
                throw new InvalidInput("Invalid volume type: Type access modification is not applicable to public volume type.");
            }
        });
    }

    private Map<String, String> specs(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new InvalidInput("extra_specs must be an object of strings.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().isBlank() || e.getKey().length() > 255 || !e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new InvalidInput("Invalid extra spec '" + e.getKey() + "': keys and values are strings of 1 to 255 characters.");
            }
            String value = e.getValue().asText();
            if (value.length() > 255) {
                throw new InvalidInput("Extra spec value of '" + e.getKey() + "' is longer than 255 characters.");
            }
            if (VolumeType.BACKEND_SPEC.equals(e.getKey()) && !backends.exists(value)) {
                throw new InvalidInput("No backend named '" + value + "' is configured.");
            }
            out.put(e.getKey(), value);
        }
        return out;
    }

    private static String name(JsonNode n) {
        if (n == null || !n.isTextual() || n.asText().isBlank() || n.asText().length() > 255) {
            throw new InvalidInput("Volume type name can not be empty and must be at most 255 characters.");
        }
        return n.asText().trim();
    }

    private static String text(JsonNode n, String key) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().length() > 255) {
            throw new InvalidInput(key + " must be a string of at most 255 characters.");
        }
        return n.asText();
    }
}
