package io.strato.volume.qos;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.strato.kit.faults.Conflict;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.faults.NotFound;
import io.strato.kit.web.Ids;
import io.strato.volume.types.VolumeType;
import io.strato.volume.types.VolumeTypeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** QoS specs and their association with volume types (one QoS spec per type at most, as in Cinder). */
@ApplicationScoped
public class QosService {
    static final Set<String> CONSUMERS = Set.of("front-end", "back-end", "both");
    /** Limits the hypervisor applies; their values must be whole numbers. */
    static final Set<String> NUMERIC = Set.of("total_bytes_sec", "read_bytes_sec", "write_bytes_sec", "total_iops_sec",
            "read_iops_sec", "write_iops_sec", "total_bytes_sec_max", "read_bytes_sec_max", "write_bytes_sec_max",
            "total_iops_sec_max", "read_iops_sec_max", "write_iops_sec_max", "size_iops_sec");

    private final QosSpecsRepository qos;
    private final VolumeTypeRepository types;

    public QosService(QosSpecsRepository qos, VolumeTypeRepository types) {
        this.qos = qos;
        this.types = types;
    }

    @WithSession
    public Uni<List<QosSpecs>> list() {
        return qos.listAll(Sort.by("name"));
    }

    @WithSession
    public Uni<QosSpecs> get(String id) {
        UUID uuid = Ids.orNull(id);
        return (uuid == null ? Uni.createFrom().<QosSpecs>nullItem() : qos.findById(uuid)).map(q -> {
            if (q == null) {
                throw new NotFound("QoS Specs " + id + " could not be found.");
            }
            return q;
        });
    }

    /** {@code {"name": ..., "consumer": ..., <key>: <value>...}}: everything but name and consumer is a spec. */
    @WithTransaction
    public Uni<QosSpecs> create(QosRequest.CreateFields body) {
        JsonNode name = body.name;
        if (name == null || !name.isTextual() || name.asText().isBlank() || name.asText().length() > 255) {
            throw new InvalidInput("Invalid input received: QoS specs name can not be empty and must be at most 255 characters.");
        }
        QosSpecs q = new QosSpecs();
        q.id = UUID.randomUUID();
        q.name = name.asText().trim();
        q.consumer = body.consumer != null && !body.consumer.isNull() ? body.consumer.asText() : "back-end";
        if (!CONSUMERS.contains(q.consumer)) {
            throw new InvalidInput("Invalid input received: consumer must be front-end, back-end or both, not '" + q.consumer + "'.");
        }
        Map<String, String> specs = new HashMap<>();
        body.specs().forEach((key, value) -> specs.put(key, spec(key, value)));
        q.specs = specs;
        q.createdAt = Instant.now();
        return qos.find("name", q.name).firstResult().flatMap(existing -> {
            if (existing != null) {
                throw new Conflict("QoS Specs " + q.name + " already exists.");
            }
            return qos.persist(q);
        });
    }

    /** Sets keys (and consumer); returns what was set. */
    @WithTransaction
    public Uni<Map<String, String>> set(String id, Map<String, JsonNode> body) {
        return get(id).map(q -> {
            Map<String, String> set = new HashMap<>();
            Map<String, String> specs = new HashMap<>(q.specs);
            for (Map.Entry<String, JsonNode> e : body.entrySet()) {
                if (e.getKey().equals("consumer")) {
                    if (!CONSUMERS.contains(e.getValue().asText())) {
                        throw new InvalidInput("Invalid input received: consumer must be front-end, back-end or both.");
                    }
                    q.consumer = e.getValue().asText();
                } else if (!e.getKey().equals("name")) {
                    specs.put(e.getKey(), spec(e.getKey(), e.getValue()));
                }
                set.put(e.getKey(), e.getValue().asText());
            }
            q.specs = specs;
            return set;
        });
    }

    @WithTransaction
    public Uni<Void> unset(String id, List<String> keys) {
        if (keys == null) {
            throw new InvalidInput("The request body must be {\"keys\": [...]}.");
        }
        return get(id).map(q -> {
            Map<String, String> specs = new HashMap<>(q.specs);
            for (String k : keys) {
                if (specs.remove(k) == null) {
                    throw new NotFound("QoS spec " + id + " has no key " + k + ".");
                }
            }
            q.specs = specs;
            return null;
        });
    }

    @WithTransaction
    public Uni<Void> delete(String id, boolean force) {
        return get(id).flatMap(q -> associated(q.id).flatMap(in -> {
            if (!in.isEmpty() && !force) {
                throw new InvalidInput("QoS Specs " + id + " is still associated with entities.");
            }
            return types.update("qosSpecsId = null where qosSpecsId = ?1", q.id)
                    .chain(() -> qos.deleteRow(q)).replaceWithVoid();
        }));
    }

    @WithSession
    public Uni<List<VolumeType>> associations(String id) {
        return get(id).flatMap(q -> associated(q.id));
    }

    @WithTransaction
    public Uni<Void> associate(String id, String typeId) {
        return get(id).flatMap(q -> type(typeId).map(t -> {
            if (t.qosSpecsId != null && !t.qosSpecsId.equals(q.id)) {
                throw new InvalidInput("Volume type " + t.id + " is already associated with another qos specs: " + t.qosSpecsId);
            }
            t.qosSpecsId = q.id;
            return null;
        }));
    }

    @WithTransaction
    public Uni<Void> disassociate(String id, String typeId) {
        return get(id).flatMap(q -> type(typeId).map(t -> {
            if (q.id.equals(t.qosSpecsId)) {
                t.qosSpecsId = null;
            }
            return null;
        }));
    }

    @WithTransaction
    public Uni<Void> disassociateAll(String id) {
        return get(id).flatMap(q -> types.update("qosSpecsId = null where qosSpecsId = ?1", q.id)).replaceWithVoid();
    }

    private Uni<List<VolumeType>> associated(UUID qosId) {
        return types.list("qosSpecsId", qosId);
    }

    private Uni<VolumeType> type(String typeId) {
        UUID uuid = Ids.orNull(typeId);
        if (uuid == null) {
            throw new InvalidInput("Invalid input received: vol_type_id must be the id of a volume type.");
        }
        return types.findById(uuid).map(t -> {
            if (t == null) {
                throw new NotFound("Volume type " + typeId + " could not be found.");
            }
            return t;
        });
    }

    private static String spec(String key, JsonNode value) {
        if (key.isBlank() || key.length() > 255 || value == null || !value.isValueNode() || value.isNull()) {
            throw new InvalidInput("Invalid QoS spec '" + key + "': values are strings or numbers.");
        }
        String v = value.asText();
        if (NUMERIC.contains(key) && !v.matches("[0-9]{1,18}")) {
            throw new InvalidInput("Invalid input received: " + key + " must be a non-negative integer, not '" + v + "'.");
        }
        return v;
    }
}
