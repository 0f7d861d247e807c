package io.strato.volume.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Booleans;
import io.strato.kit.web.Ids;
import io.strato.volume.volumes.VolumeRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Group types and their group specs (admins manage them; everyone reads the public ones), as Cinder's 3.11 API. */
@ApplicationScoped
public class GroupTypeService {
    private final GroupTypeRepository types;
    private final VolumeGroupRepository groups;

    public GroupTypeService(GroupTypeRepository types, VolumeGroupRepository groups) {
        this.types = types;
        this.groups = groups;
    }

    /**
     * The types a caller lists: an admin all of them ({@code is_public} true, false or None filters), others the public
     * ones; sorted by {@code sort} ({@code key:dir}, keys name, id, created_at, description), else by name.
     */
    @WithSession
    public Uni<List<GroupType>> list(boolean admin, String isPublic, String sort) {
        Comparator<GroupType> order = order(sort);
        return types.listAll(Sort.by("name")).map(all -> all.stream()
                .filter(t -> admin ? isPublic == null || isPublic.equalsIgnoreCase("none")
                        || Booleans.require(isPublic, "is_public") == t.isPublic : t.isPublic)
                .sorted(order).toList());
    }

    private static Comparator<GroupType> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return Comparator.comparing(t -> t.name);
        }
        String[] parts = sort.split(",")[0].trim().split(":");
        String key = parts[0].trim();
        String direction = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "asc";
        boolean desc = direction.equals("desc");
        if (!desc && !direction.equals("asc")) {
            throw new InvalidInput("Invalid input received: Unknown sort direction, must be 'desc' or 'asc'.");
        }
        Comparator<GroupType> by = switch (key) {
            case "name" -> Comparator.comparing(t -> t.name);
            case "id" -> Comparator.comparing(t -> t.id.toString());
            case "created_at" -> Comparator.comparing(t -> t.createdAt);
            case "description" -> Comparator.comparing(t -> t.description == null ? "" : t.description);
            default -> throw new InvalidInput("Invalid input received: Invalid sort key " + key + ".");
        };
        return desc ? by.reversed() : by;
    }

    /** The type with this id (or name, as Cinder looks a group's type up); a private one only for admins (Cinder's 404 otherwise). */
    @WithSession
    public Uni<GroupType> get(String id, boolean admin) {
        UUID uuid = Ids.orNull(id);
        Uni<GroupType> found = uuid == null ? types.find("name", id).firstResult() : types.findById(uuid);
        return found.map(t -> {
            if (t == null || !t.isPublic && !admin) {
                throw notFound(id);
            }
            return t;
        });
    }

    static NotFound notFound(String id) {
        return new NotFound("Group type with id " + id + " could not be found.");
    }

    @WithTransaction
    public Uni<GroupType> create(GroupTypeRequest.Fields body) {
        GroupType t = new GroupType();
        t.id = UUID.randomUUID();
        t.name = name(body.name());
        t.description = VolumeRequest.text(body.description(), "description");
        t.isPublic = body.isPublic() == null || body.isPublic().isNull() || Booleans.require(body.isPublic(), "is_public");
        t.groupSpecs = specs(body.groupSpecs());
        t.createdAt = t.updatedAt = Instant.now();
        return types.find("name", t.name).firstResult().flatMap(existing -> {
            if (existing != null) {
                throw new Conflict("Group Type " + t.name + " already exists.");
            }
            return types.persist(t);
        });
    }

    @WithTransaction
    public Uni<GroupType> update(String id, GroupTypeRequest.Fields body) {
        if (body.name() == null && body.description() == null && body.isPublic() == null) {
            throw new InvalidInput("Specify group type name, description or a combination thereof.");
        }
        return locked(id).flatMap(t -> {
            String name = body.name() == null ? t.name : name(body.name());
            Uni<Void> unique = name.equals(t.name) ? Uni.createFrom().voidItem()
                    : types.find("name", name).firstResult().invoke(other -> {
                        if (other != null) {
                            throw new Conflict("Group Type " + name + " already exists.");
                        }
                    }).replaceWithVoid();
            return unique.map(v -> {
                t.name = name;
                if (body.description() != null) {
                    t.description = VolumeRequest.text(body.description(), "description");
                }
                if (body.isPublic() != null) {
                    t.isPublic = Booleans.require(body.isPublic(), "is_public");
                }
                t.updatedAt = Instant.now();
                return t;
            });
        });
    }

    /** Deletes a type no group uses (Cinder: "Target group type is still in use."). */
    @WithTransaction
    public Uni<Void> delete(String id) {
        return locked(id).flatMap(t -> groups.count("groupTypeId", t.id).flatMap(n -> {
            if (n > 0) {
                throw new InvalidInput("Target group type with id " + t.id + " is still in use.");
            }
            return types.deleteRow(t);
        }));
    }

    /** Adds or overwrites specs; answers the specs given. */
    @WithTransaction
    public Uni<Map<String, String>> setSpecs(String id, JsonNode specs) {
        if (specs == null || !specs.isObject()) {
            throw new InvalidInput("Invalid input received: the request body must be {\"group_specs\": {...}}.");
        }
        Map<String, String> add = specs(specs);
        return locked(id).map(t -> {
            Map<String, String> merged = new HashMap<>(t.groupSpecs);
            merged.putAll(add);
            t.groupSpecs = merged;
            t.updatedAt = Instant.now();
            return add;
        });
    }

    @WithTransaction
    public Uni<Void> unsetSpec(String id, String key) {
        return locked(id).map(t -> {
            if (!t.groupSpecs.containsKey(key)) {
                throw specNotFound(t, key);
            }
            Map<String, String> left = new HashMap<>(t.groupSpecs);
            left.remove(key);
            t.groupSpecs = left;
            t.updatedAt = Instant.now();
            return null;
        });
    }

    static NotFound specNotFound(GroupType t, String key) {
        return new NotFound("Group Type " + t.id + " has no specs with key " + key + ".");
    }

    private Uni<GroupType> locked(String id) {
        UUID uuid = Ids.orNull(id);
        Uni<GroupType> found = uuid == null ? Uni.createFrom().nullItem() : types.findById(uuid, LockModeType.PESSIMISTIC_WRITE);
        return found.map(t -> {
            if (t == null) {
                throw notFound(id);
            }
            return t;
        });
    }

    private static Map<String, String> specs(JsonNode node) {
        Map<String, String> out = new HashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw new InvalidInput("Invalid input for field/attribute group_specs: it must be an object of strings.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (e.getKey().isEmpty() || e.getKey().length() > 255 || !v.isTextual() || v.asText().length() > 255) {
                throw new InvalidInput("Invalid input for field/attribute group_specs: '" + e.getKey()
                        + "': keys and values are strings of 1 to 255 characters.");
            }
            out.put(e.getKey(), v.asText());
        }
        return out;
    }

    private static String name(JsonNode n) {
        if (n == null || !n.isTextual() || n.asText().isBlank() || n.asText().length() > 255) {
            throw new InvalidInput("Invalid input for field/attribute name: a group type name is a string of 1 to 255 characters.");
        }
        return n.asText().trim();
    }
}
