package io.strato.volume.backend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cinder's extra_specs_ops as the capabilities filter applies them. */
class CapabilitiesFilterTest {
    private static final Map<String, String> CAPS = Backends.capabilities("local");

    @Test
    void extraSpecsMatchTheCapabilitiesTheyName() {
        assertTrue(CapabilitiesFilter.passes(CAPS, Map.of("vendor_name", "Strato", "storage_protocol", "file")));
        assertFalse(CapabilitiesFilter.passes(CAPS, Map.of("vendor_name", "nobody")));
        assertFalse(CapabilitiesFilter.passes(CAPS, Map.of("capabilities:storage_protocol", "iSCSI")));
        assertTrue(CapabilitiesFilter.passes(CAPS, Map.of("thin_provisioning_support", "<is> True")));
        assertFalse(CapabilitiesFilter.passes(CAPS, Map.of("multiattach", "<is> True")));
        // scoped keys of other scopes and keys that are no capability do not filter
        assertTrue(CapabilitiesFilter.passes(CAPS, Map.of("hw:cpu_policy", "dedicated", "spec1", "val1")));
    }

    @Test
    void operatorsCompareAsCinders() {
        assertTrue(CapabilitiesFilter.matches("1.0", ">= 0.5"));
        assertFalse(CapabilitiesFilter.matches("1.0", "== 2"));
        assertTrue(CapabilitiesFilter.matches("file", "<or> iSCSI <or> file"));
        assertTrue(CapabilitiesFilter.matches("Strato", "<in> tra"));
        assertTrue(CapabilitiesFilter.matches("Strato", "s== Strato"));
        assertFalse(CapabilitiesFilter.matches("Strato", "= 3"));
    }
}
