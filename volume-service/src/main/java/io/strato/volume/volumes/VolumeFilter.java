package io.strato.volume.volumes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strato.kit.auth.Caller;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.web.Booleans;
import io.strato.volume.api.ListOrder;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The filters of a volume list, as Cinder reads them from the query string, combined with "and", its
 * {@link ListOrder} and its {@code offset}.
 */
public record VolumeFilter(String name, String status, Boolean bootable, String availabilityZone,
                           Map<String, String> metadata, boolean allTenants, String projectId, ListOrder order,
                           int offset) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Cinder's sort keys this list orders by, and the entity expression of each (a null name sorts as ""). */
    private static final Map<String, String> SORT_KEYS = Map.of("id", "id", "name", "coalesce(name, '')",
            "display_name", "coalesce(name, '')", "status", "status", "size", "size",
            "availability_zone", "availabilityZone", "bootable", "bootable", "created_at", "createdAt",
            "updated_at", "updatedAt");

    public static VolumeFilter of(MultivaluedMap<String, String> q) {
        String b = q.getFirst("bootable");
        // Cinder 3.2 reads it strictly: anything but a boolean is a 400
        Boolean bootable = b == null ? null
                : Booleans.parse(b).orElseThrow(() -> new InvalidInput("Invalid input received: bootable=" + b));
        ListOrder order = ListOrder.of(q, SORT_KEYS);
        String all = q.getFirst("all_tenants");
        // present and not spelled false (an empty ?all_tenants too) lists every project
        boolean allTenants = all != null && Booleans.parse(all).orElse(true);
        return new VolumeFilter(q.getFirst("name"), q.getFirst("status"), bootable, q.getFirst("availability_zone"),
                metadata(q.getFirst("metadata")), allTenants, q.getFirst("project_id"), order, ListOrder.offset(q));
    }

    /** The order of the list: the sort key, then the id, both in the sort direction. */
    String orderBy() {
        return order.orderBy();
    }

    /** Only the volumes after {@code marker} in the list's order (keyset paging on the sort key and the id). */
    void after(Volume marker, StringBuilder q, Map<String, Object> p) {
        order.after(sortValue(marker), marker.id, q, p);
    }

    private Object sortValue(Volume v) {
        return switch (order.key()) {
            case "coalesce(name, '')" -> v.name == null ? "" : v.name;
            case "status" -> v.status;
            case "size" -> v.size;
            case "availabilityZone" -> v.availabilityZone;
            case "bootable" -> v.bootable;
            case "updatedAt" -> v.updatedAt;
            default -> v.createdAt;
        };
    }

    /** The project to list: the caller's, or for an admin asking all_tenants any (null) or the one named. */
    String project(Caller caller, boolean admin) {
        if (admin && allTenants) {
            return projectId;
        }
        return caller.projectId();
    }

    /** The where clause (its parameters into {@code p}) of the caller's listed volumes: the project, then the filters. */
    StringBuilder where(Caller caller, boolean admin, Map<String, Object> p) {
        StringBuilder q = new StringBuilder("1 = 1");
        String project = project(caller, admin);
        if (project != null) {
            q.append(" and projectId = :project");
            p.put("project", project);
        }
        where(q, p);
        return q;
    }

    private void where(StringBuilder q, Map<String, Object> p) {
        if (name != null) {
            q.append(" and name = :name");
            p.put("name", name);
        }
        if (status != null) {
            q.append(" and status = :status");
            p.put("status", status);
        }
        if (bootable != null) {
            q.append(" and bootable = :bootable");
            p.put("bootable", bootable);
        }
        if (availabilityZone != null) {
            q.append(" and availabilityZone = :az");
            p.put("az", availabilityZone);
        }
        int i = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            q.append(" and function('jsonb_extract_path_text', metadata, :mk").append(i).append(") = :mv").append(i);
            p.put("mk" + i, e.getKey());
            p.put("mv" + i, e.getValue());
            i++;
        }
    }


    private static Map<String, String> metadata(String raw) {
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode n = JSON.readTree(raw.replace('\'', '"'));
            if (n.isObject()) {
                Map<String, String> m = new java.util.HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    m.put(e.getKey(), e.getValue().asText());
                }
                return m;
            }
        } catch (Exception e) {
            // fall through to the 400
        }
        throw new InvalidInput("Invalid filter: metadata must be a JSON object such as {\"key\": \"value\"}.");
    }
}
