package io.strato.network.agents;

import io.strato.kit.web.Booleans;
import io.strato.network.api.ListRequest;
import io.strato.network.api.ListSql;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An agent list as one query. The stored attributes go to {@link ListSql}; the others are settled here:
 * {@code agent_type}, {@code binary}, {@code topic} and {@code availability_zone} are the same for every agent (a
 * filter either keeps all or none, sorting on them is a no-op), and {@code alive} is the last heartbeat against
 * the down time (as a filter a comparison, as a sort key the heartbeat itself, which orders the same way).
 */
final class AgentFilters {
    private static final ListSql LIST = new ListSql("network_agent", Map.of(
            "id", "id", "host", "host", "admin_state_up", "admin_state_up", "description", "description",
            "heartbeat_timestamp", "last_heartbeat", "alive", "last_heartbeat", "started_at", "started_at",
            "created_at", "created_at"));
    /** Attributes every agent has the same value of; availability_zone's is null, which no filter value equals. */
    private static final Map<String, String> CONSTANTS = Map.of("agent_type", AgentView.TYPE,
            "binary", AgentView.BINARY, "topic", AgentView.TOPIC, "availability_zone", "");

    private AgentFilters() {
    }

    /** The query of the agents {@code request} asks for; empty when its filters rule out every agent. */
    static Optional<ListSql.Query> query(ListRequest request, Instant aliveAfter) {
        Map<String, List<String>> filters = new LinkedHashMap<>(request.filters());
        for (Map.Entry<String, String> c : CONSTANTS.entrySet()) {
            List<String> wanted = filters.remove(c.getKey());
            if (wanted != null && !wanted.isEmpty() && !wanted.contains(c.getValue())) {
                return Optional.empty();
            }
        }
        Set<Boolean> alive = new HashSet<>();
        List<String> aliveFilter = filters.remove("alive");
        if (aliveFilter != null && !aliveFilter.isEmpty()) {
            aliveFilter.forEach(v -> Booleans.parse(v).ifPresent(alive::add));
            if (alive.isEmpty()) {
                return Optional.empty();
            }
        }
        String scope = alive.size() != 1 ? null
                : alive.contains(true) ? "last_heartbeat > :alive_after" : "last_heartbeat <= :alive_after";
        Map<String, Object> params = scope == null ? Map.of() : Map.of("alive_after", aliveAfter.atOffset(ZoneOffset.UTC));
        return Optional.of(LIST.select(withoutConstantSorts(request, filters), scope, params));
    }

    private static ListRequest withoutConstantSorts(ListRequest r, Map<String, List<String>> filters) {
        List<String> keys = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (int k = 0; k < r.sortKeys().size(); k++) {
            if (!CONSTANTS.containsKey(r.sortKeys().get(k))) {
                keys.add(r.sortKeys().get(k));
                if (!r.sortDirs().isEmpty()) {
                    dirs.add(r.sortDirs().get(k));
                }
            }
        }
        return new ListRequest(filters, r.fields(), keys, dirs, r.limit(), r.marker(), r.pageReverse(),
                r.tags(), r.tagsAny(), r.notTags(), r.notTagsAny());
    }
}
