package io.strato.compute.quotas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quota set and limits records say exactly what Nova shows at 2.1, in its order. */
class QuotaSetViewTest {
    private final ObjectMapper json = new ObjectMapper();

    /** The view as a client reads it: written as JSON and parsed back. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> map(Object view) {
        try {
            return json.readValue(json.writeValueAsString(view), LinkedHashMap.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aQuotaSetHasTheIdThenEveryShownResource() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        QuotaResources.SHOWN.forEach(r -> limits.put(r, r.length()));
        List<String> keys = new ArrayList<>(List.of("id"));
        keys.addAll(QuotaResources.SHOWN);
        Map<String, Object> shown = map(QuotaSetView.of("p", limits));
        assertEquals(keys, List.copyOf(shown.keySet()));
        assertEquals(9, shown.get("instances"));
        Map<String, Object> updated = map(QuotaSetView.of(null, limits));
        assertFalse(updated.containsKey("id"));
        assertEquals(QuotaResources.SHOWN, List.copyOf(updated.keySet()));
        Map<String, Object> detail = map(QuotaSetView.Detail.of("p",
                new QuotaSetService.Usage(limits, Map.of(QuotaResources.CORES, 3L))));
        assertEquals(keys, List.copyOf(detail.keySet()));
        assertEquals(Map.of("in_use", 3, "limit", 5, "reserved", 0), detail.get("cores"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void limitsHaveNovasAbsoluteNames() {
        Map<String, Object> v = map(LimitsView.of(new QuotaSetService.Usage(Map.of(QuotaResources.INSTANCES, 10), Map.of())));
        Map<String, Object> limits = (Map<String, Object>) v.get("limits");
        assertEquals(List.of("rate", "absolute"), List.copyOf(limits.keySet()));
        Map<String, Object> absolute = (Map<String, Object>) limits.get("absolute");
        assertEquals(List.of("maxServerMeta", "maxImageMeta", "maxPersonality", "maxPersonalitySize", "maxTotalKeypairs",
                "maxTotalInstances", "maxTotalCores", "maxTotalRAMSize", "maxServerGroups", "maxServerGroupMembers",
                "totalInstancesUsed", "totalCoresUsed", "totalRAMUsed", "totalServerGroupsUsed", "maxSecurityGroups",
                "maxSecurityGroupRules", "maxTotalFloatingIps", "totalSecurityGroupsUsed", "totalFloatingIpsUsed"),
                List.copyOf(absolute.keySet()));
        assertEquals(10, absolute.get("maxTotalInstances"));
        assertEquals(null, absolute.get("maxTotalCores"));
        assertEquals(0, absolute.get("totalInstancesUsed"));
    }
}
