package io.strato.volume.quotas;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.strato.kit.auth.Caller;
import io.strato.kit.auth.CurrentCaller;
import io.strato.kit.faults.Forbidden;
import io.strato.kit.faults.InvalidInput;
import io.strato.kit.policy.Policy;
import io.strato.kit.rest.JsonBody;
import io.strato.kit.web.Booleans;
import io.strato.volume.api.ProjectPath;
import io.strato.volume.policy.VolumePolicies;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cinder's os-quota-sets and limits. Anyone reads their own project's quotas; admins read and set any
 * project's. Backups and groups do not exist here: their quotas are shown (as Cinder's defaults) so
 * clients that print them work, but cannot be set.
 */
@Path("/v3/{project_id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class QuotaResource {
    private static final Map<String, Long> FIXED = Map.of("backups", 10L, "backup_gigabytes", 1000L,
            "groups", 10L, "per_volume_gigabytes", -1L);

    private final QuotaService service;
    private final Policy policy;
    private final CurrentCaller callers;
    private final JsonBody json;

    public QuotaResource(QuotaService service, Policy policy, CurrentCaller callers, JsonBody json) {
        this.service = service;
        this.policy = policy;
        this.callers = callers;
        this.json = json;
    }

    @GET
    @Path("os-quota-sets/{target}")
    public Uni<Map<String, Object>> show(@PathParam("project_id") String project, @PathParam("target") String target,
                                         @QueryParam("usage") String usage) {
        readable(project, target);
        boolean withUsage = Booleans.isTrue(usage);
        return service.show(target).map(lu -> {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("id", target);
            lu.limits().forEach((k, limit) -> set.put(k, withUsage ? usage(limit, lu.usage().get(k)) : limit));
            FIXED.forEach((k, limit) -> set.put(k, withUsage ? usage(limit, 0L) : limit));
            lu.perType().forEach((k, lim) -> set.put(k, withUsage ? usage(lim[0], lim[1]) : lim[0]));
            return Map.of("quota_set", set);
        });
    }

    @GET
    @Path("os-quota-sets/{target}/defaults")
    public Map<String, Object> defaults(@PathParam("project_id") String project, @PathParam("target") String target) {
        readable(project, target);
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", target);
        set.putAll(service.defaults());
        set.putAll(FIXED);
        return Map.of("quota_set", set);
    }

    @PUT
    @Path("os-quota-sets/{target}")
    public Uni<Map<String, Object>> update(@PathParam("project_id") String project, @PathParam("target") String target,
                                           String body) {
        manager(project);
        JsonNode set = json.wrapped(body, "quota_set");
        Map<String, Long> changes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = set.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            if (key.equals("tenant_id") || key.equals("id")) {
                continue;
            }
            if (!VolumeQuota.RESOURCES.contains(key) && !key.matches("(volumes|gigabytes|snapshots)_.+")) {
                throw new InvalidInput("Bad key(s) in quota set: " + key);
            }
            long value = integer(key, e.getValue());
            if (value < -1) {
                throw new InvalidInput("Invalid input received: Quota limit " + key + " must be -1 or greater.");
            }
            changes.put(key, value);
        }
        return service.set(target, changes).map(lu -> {
            Map<String, Object> out = new LinkedHashMap<>(lu.limits());
            out.putAll(FIXED);
            lu.perType().forEach((k, lim) -> out.put(k, lim[0]));
            return Map.of("quota_set", out);
        });
    }

    @DELETE
    @Path("os-quota-sets/{target}")
    public Uni<Map<String, Object>> reset(@PathParam("project_id") String project, @PathParam("target") String target) {
        manager(project);
        return service.reset(target).map(v -> Map.of());
    }

    @GET
    @Path("limits")
    public Uni<Map<String, Object>> limits(@PathParam("project_id") String project) {
        Caller caller = callers.get();
        readable(project, caller.projectId());
        return service.show(caller.projectId()).map(lu -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("maxTotalVolumes", lu.limits().get("volumes"));
            a.put("maxTotalVolumeGigabytes", lu.limits().get("gigabytes"));
            a.put("maxTotalSnapshots", lu.limits().get("snapshots"));
            a.put("maxTotalBackups", FIXED.get("backups"));
            a.put("maxTotalBackupGigabytes", FIXED.get("backup_gigabytes"));
            a.put("totalVolumesUsed", lu.usage().get("volumes"));
            a.put("totalGigabytesUsed", lu.usage().get("gigabytes"));
            a.put("totalSnapshotsUsed", lu.usage().get("snapshots"));
            a.put("totalBackupsUsed", 0);
            a.put("totalBackupGigabytesUsed", 0);
            return Map.of("limits", Map.of("rate", java.util.List.of(), "absolute", a));
        });
    }

    private static Map<String, Object> usage(long limit, Long inUse) {
        return Map.of("limit", limit, "in_use", inUse == null ? 0 : inUse, "reserved", 0, "allocated", 0);
    }

    private static long integer(String key, JsonNode n) {
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isTextual() && n.asText().trim().matches("-?[0-9]{1,10}")) {
            return Long.parseLong(n.asText().trim());
        }
        throw new InvalidInput("Invalid input received: Quota limit " + key + " must be an integer.");
    }

    private void readable(String project, String target) {
        Caller caller = callers.get();
        boolean admin = ProjectPath.authorize(policy, caller, project, VolumePolicies.READ);
        if (!admin && !target.equals(caller.projectId())) {
            throw new Forbidden("Policy doesn't allow volume_extension:quotas:show to be performed.");
        }
    }

    private void manager(String project) {
        ProjectPath.authorize(policy, callers.get(), project, VolumePolicies.UPDATE_QUOTA, Map.of());
    }
}
