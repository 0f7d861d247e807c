package io.strato.volume.quotas;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quota sets and limits keep the keys Cinder's clients print (those the Map-built answers had), serialised as the
 * service does (SNAKE_CASE): the fixed resources, then one key per type and resource; no id in an update's answer.
 */
class QuotaViewTest {
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    static final Map<String, Long> LIMITS = Map.of("volumes", 10L, "gigabytes", 1000L, "snapshots", 10L, "backups", 10L,
            "backup_gigabytes", 1000L, "groups", 10L, "per_volume_gigabytes", -1L);

    @Test
    void aQuotaSetListsTheFixedResourcesAndThePerTypeKeys() {
        Map<String, Long> perType = new LinkedHashMap<>();
        perType.put("volumes_gold", 2L);
        perType.put("gigabytes_gold", -1L);
        JsonNode set = JSON.valueToTree(new QuotaView.One<>(QuotaView.limits("p1", LIMITS, perType))).get("quota_set");
        assertEquals(List.of("id", "volumes", "gigabytes", "snapshots", "backups", "backup_gigabytes", "groups",
                "per_volume_gigabytes", "volumes_gold", "gigabytes_gold"), keys(set));
        assertEquals("p1", set.get("id").asText());
        assertEquals(1000, set.get("gigabytes").asLong());
        assertEquals(10, set.get("backups").asLong());
        assertEquals(1000, set.get("backup_gigabytes").asLong());
        assertEquals(-1, set.get("per_volume_gigabytes").asLong());
        assertEquals(2, set.get("volumes_gold").asLong());

        JsonNode updated = JSON.valueToTree(QuotaView.limits(null, LIMITS, Map.of()));
        assertEquals(List.of("volumes", "gigabytes", "snapshots", "backups", "backup_gigabytes", "groups",
                "per_volume_gigabytes"), keys(updated));
    }

    @Test
    void withUsageEachResourceIsAnObjectAndTheLimitsAreCindersCamelCase() {
        QuotaService.LimitsAndUsage lu = new QuotaService.LimitsAndUsage(LIMITS,
                Map.of("volumes", 3L, "gigabytes", 7L, "snapshots", 1L), Map.of());
        JsonNode set = JSON.valueToTree(QuotaView.usage("p1", lu, Map.of("volumes_gold", QuotaView.Usage.of(2L, 1L))));
        assertEquals(List.of("limit", "in_use", "reserved", "allocated"), keys(set.get("volumes")));
        assertEquals(3, set.get("volumes").get("in_use").asLong());
        assertEquals(0, set.get("backups").get("in_use").asLong());
        assertEquals(1, set.get("volumes_gold").get("in_use").asLong());

        JsonNode limits = JSON.valueToTree(new QuotaView.Limits(new QuotaView.LimitsBody(List.of(), QuotaView.Absolute.of(lu))));
        assertEquals(List.of("rate", "absolute"), keys(limits.get("limits")));
        assertEquals(List.of("maxTotalVolumes", "maxTotalVolumeGigabytes", "maxTotalSnapshots", "maxTotalBackups",
                "maxTotalBackupGigabytes", "totalVolumesUsed", "totalGigabytesUsed", "totalSnapshotsUsed",
                "totalBackupsUsed", "totalBackupGigabytesUsed"), keys(limits.get("limits").get("absolute")));
        assertEquals(7, limits.get("limits").get("absolute").get("totalGigabytesUsed").asLong());
    }
}
