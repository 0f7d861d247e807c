package io.strato.compute.quotas;

import io.strato.compute.api.Microversion;

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
        Map<String, Object> shown = map(QuotaSetView.of("p", limits, Microversion.MIN));
        assertEquals(keys, List.copyOf(shown.keySet()));
        assertEquals(9, shown.get("instances"));
        Map<String, Object> updated = map(QuotaSetView.of(null, limits, Microversion.MIN));
        assertFalse(updated.containsKey("id"));
        assertEquals(QuotaResources.SHOWN, List.copyOf(updated.keySet()));
        Map<String, Object> detail = map(QuotaSetView.Detail.of("p",
                new QuotaSetService.Usage(limits, Map.of(QuotaResources.CORES, 3L)), Microversion.MIN));
        assertEquals(keys, List.copyOf(detail.keySet()));
        assertEquals(Map.of("in_use", 3, "limit", 5, "reserved", 0), detail.get("cores"));
        Map<String, Object> v236 = map(QuotaSetView.of("p", limits, new Microversion(2, 36)));
        assertFalse(v236.containsKey("floating_ips") || v236.containsKey("security_group_rules"));
        assertEquals("injected_files".length(), v236.get("injected_files"));
        Map<String, Object> v257 = map(QuotaSetView.of("p", limits, new Microversion(2, 57)));
        assertEquals(List.of("id", "instances", "cores", "ram", "metadata_items", "key_pairs", "server_groups",
                "server_group_members"), List.copyOf(v257.keySet()));
        Map<String, Object> detail257 = map(QuotaSetView.Detail.of("p", new QuotaSetService.Usage(limits, Map.of()),
                new Microversion(2, 57)));
        assertFalse(detail257.containsKey("injected_files"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void limitsHaveNovasAbsoluteNames() {
        Map<String, Integer> l = new LinkedHashMap<>();
        QuotaResources.SHOWN.forEach(r -> l.put(r, 1));
        l.put(QuotaResources.INSTANCES, 10);
        l.remove(QuotaResources.CORES);
        Map<String, Object> v = map(LimitsView.of(new QuotaSetService.Usage(l, Map.of()), Microversion.MIN));
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
        Map<String, Object> a236 = (Map<String, Object>) ((Map<String, Object>) map(LimitsView.of(
                new QuotaSetService.Usage(l, Map.of()), new Microversion(2, 36))).get("limits")).get("absolute");
        assertFalse(a236.containsKey("maxSecurityGroups") || a236.containsKey("totalFloatingIpsUsed"));
        assertEquals(1, a236.get("maxImageMeta"));
        Map<String, Object> a257 = (Map<String, Object>) ((Map<String, Object>) map(LimitsView.of(
                new QuotaSetService.Usage(l, Map.of()), new Microversion(2, 57))).get("limits")).get("absolute");
        assertEquals(List.of("maxServerMeta", "maxTotalKeypairs", "maxTotalInstances", "maxTotalCores", "maxTotalRAMSize",
                "maxServerGroups", "maxServerGroupMembers", "totalInstancesUsed", "totalCoresUsed", "totalRAMUsed",
                "totalServerGroupsUsed"), List.copyOf(a257.keySet()));
    }
}
