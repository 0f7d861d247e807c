package io.strato.volume.snapshots;

import io.strato.kit.web.Booleans;
import io.strato.kit.web.Paging;
import io.strato.volume.api.ListOrder;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What a snapshot list asks for, as Cinder reads it from the query string: the filters ({@code name},
 * {@code status}, {@code volume_id}), {@code all_tenants}, the page ({@code limit}, {@code marker}, {@code offset})
 * and the order. The sort keys are the snapshot columns Cinder's database sorts by ({@code display_name};
 * {@code name} from 3.30, Cinder's SNAPSHOT_SORT).
 */
public record SnapshotListing(Map<String, String> filters, boolean allTenants, int limit, String marker, int offset,
                              ListOrder order) {
    private static final int MAX_LIMIT = 1000;
    /** Cinder's snapshot sort keys and the entity expression of each (a null name sorts as ""). */
    private static final Map<String, String> SORT_KEYS = Map.of("id", "id", "display_name", "coalesce(name, '')",
            "status", "status", "volume_id", "volumeId", "volume_size", "size", "project_id", "projectId",
            "user_id", "userId", "created_at", "createdAt", "updated_at", "updatedAt");
    /** Cinder 3.30: {@code name} is a sort key too. */
    static final int SORT_BY_NAME = 30;

    static SnapshotListing of(MultivaluedMap<String, String> q, int minor) {
        Paging paging = Paging.of(q.getFirst("limit"), q.getFirst("marker"), MAX_LIMIT, MAX_LIMIT);
        String all = q.getFirst("all_tenants");
        boolean allTenants = all != null && Booleans.parse(all).orElse(true);
        Map<String, String> filters = new HashMap<>();
        for (String f : new String[] {"name", "status", "volume_id"}) {
            if (q.getFirst(f) != null) {
                filters.put(f, q.getFirst(f));
            }
        }
        Map<String, String> keys = SORT_KEYS;
        if (minor >= SORT_BY_NAME) {
            keys = new HashMap<>(SORT_KEYS);
            keys.put("name", "coalesce(name, '')");
        }
        return new SnapshotListing(filters, allTenants, paging.limit(), paging.marker(), ListOrder.offset(q),
                ListOrder.of(q, keys));
    }

    /** Only the snapshots after {@code marker} in the list's order. */
    void after(Snapshot marker, StringBuilder q, Map<String, Object> p) {
        order.after(switch (order.key()) {
            case "coalesce(name, '')" -> marker.name == null ? "" : marker.name;
            case "status" -> marker.status;
            case "volumeId" -> marker.volumeId;
            case "size" -> marker.size;
            case "projectId" -> marker.projectId;
            case "userId" -> marker.userId;
            case "updatedAt" -> marker.updatedAt;
            default -> marker.createdAt;
        }, marker.id, q, p);
    }
}
