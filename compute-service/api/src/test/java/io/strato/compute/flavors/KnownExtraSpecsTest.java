package io.strato.compute.flavors;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strato.kit.faults.InvalidInput;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Nova's 2.86 extra spec validation, as its validators answer (nova/api/validation/extra_specs). */
class KnownExtraSpecsTest {

    private static String refused(String name, String value) {
        return assertThrows(InvalidInput.class, () -> KnownExtraSpecs.validate(name, value), name + "=" + value).getMessage();
    }

    private static void accepted(String name, String value) {
        assertDoesNotThrow(() -> KnownExtraSpecs.validate(name, value), name + "=" + value);
    }

    @Test
    void unknownKeysOfAKnownNamespaceAreRefusedOthersAreStored() {
        for (String k : new String[]{"hw:cpu_polcy", "hw_rng:foo", "hw_video:ram", "os:foo", "quota:foo", "accel:x",
                "pci_passthrough:foo", "capabilities:colour", "vmware:x", "resources:FOO", "resources1:VCPU_X", "trait:FOO",
                "trait_a:HW_CPU_X86_NOTATHING", "resources_GROUP1:vcpu", "resources-x-y:VCPU:1"}) {
            assertEquals("Validation failed; extra spec '" + k + "' does not appear to be a valid extra spec.", refused(k, "1"));
        }
        for (String k : new String[]{"foo", "foo:bar", "powervm:proc_units", "hypervisor_type", "hw_foo:bar",
                "CUSTOM:thing", "aggregate_instance_extra_specs"}) {
            accepted(k, "anything");
        }
    }

    @Test
    void integersAsPythonReadsThemWithBounds() {
        accepted("hw:numa_nodes", "2");
        accepted("hw:numa_nodes", " +2 ");
        accepted("hw:numa_nodes", "1_0");
        assertEquals("Validation failed; 'two' is not a valid integer value.", refused("hw:numa_nodes", "two"));
        assertEquals("Validation failed; '1.5' is not a valid integer value.", refused("hw:numa_nodes", "1.5"));
        assertEquals("Validation failed; '0' is less than the min value of '1'.", refused("hw:numa_nodes", "0"));
        assertEquals("Validation failed; '16' is greater than the max value of '15'.", refused("hw:redirected_usb_ports", "16"));
        accepted("hw:redirected_usb_ports", "15");
        accepted("quota:cpu_quota", "-1");
        accepted("quota:memory_reservation", "-100");
        assertEquals("Validation failed; '-1' is less than the min value of '0'.", refused("quota:cpu_period", "-1"));
        accepted("hw:numa_mem.0", "1024");
        assertEquals("Validation failed; '0' is less than the min value of '1'.", refused("hw:numa_mem.1", "0"));
        accepted("resources:VCPU", "2");
        accepted("resources1:CUSTOM_BAREMETAL_GOLD", "1");
        accepted("resources_group-2:NET_BW_EGR_KILOBIT_PER_SEC", "1000");
        assertEquals("Validation failed; 'x' is not a valid integer value.", refused("resources:MEMORY_MB", "x"));
        accepted("quota:disk_read_bytes_sec", "99999999999999999999");
    }

    @Test
    void booleansAsOsloReadsThemStrictly() {
        for (String v : new String[]{"true", "False", "1", "0", "yes", "NO", "on", "off", "t", "f", "y", "n", " true "}) {
            accepted("hw:cpu_realtime", v);
        }
        assertEquals("Validation failed; 'maybe' is not a valid boolean-like value.", refused("hw:cpu_realtime", "maybe"));
        assertEquals("Validation failed; '2' is not a valid boolean-like value.", refused("hide_hypervisor_id", "2"));
        accepted("hw_rng:allowed", "True");
    }

    @Test
    void enumsAndPatterns() {
        accepted("hw:cpu_policy", "dedicated");
        assertEquals("Validation failed; 'Dedicated' is not one of: dedicated, shared, mixed.", refused("hw:cpu_policy", "Dedicated"));
        assertEquals("Validation failed; 'x' is not one of: isolate, none.", refused("group_policy", "x"));
        accepted("os:secure_boot", "required");
        accepted("hw:tpm_version", "2.0");
        accepted("trait:HW_CPU_X86_AVX2", "required");
        accepted("trait1:CUSTOM_FOO", "forbidden");
        assertEquals("Validation failed; 'preferred' is not one of: required, forbidden.", refused("trait:COMPUTE_STATUS_DISABLED", "preferred"));
        accepted("hw:mem_page_size", "2MB");
        accepted("hw:mem_page_size", "large");
        assertEquals("Validation failed; 'huge' is not of the format '(large|small|any|\\d+([kKMGT]i?)?(b|bit|B)?)'.",
                refused("hw:mem_page_size", "huge"));
        accepted("hw:cpu_realtime_mask", "^0-1");
        accepted("hw:numa_cpus.0", "0-3,^2");
        assertEquals("Validation failed; '0-' is not of the format '\\^?\\d+((-\\d+)?(,\\^?\\d+(-\\d+)?)?)*'.",
                refused("hw:numa_cpus.1", "0-"));
        accepted("pci_passthrough:alias", "a1:2, b:1");
        assertEquals("Validation failed; 'a1' is not of the format '[^:]+:\\d+(?:\\s*,\\s*[^:]+:\\d+)*'.", refused("pci_passthrough:alias", "a1"));
        accepted("hw:pmem", "GB4,small,");
        refused("hw:pmem", ",GB4");
        accepted("aggregate_instance_extra_specs:ssd", "<in> true");
        accepted("capabilities:cpu_info:arch", "x86_64");
        accepted("capabilities:hypervisor_type", "s== QEMU");
        accepted("accel:device_profile", "anything");
    }

    /** Long adversarial values are answered at once (Nova's own patterns backtrack exponentially on them). */
    @Test
    void patternsAnswerLongValuesAtOnce() {
        String mask = "1-1,".repeat(60) + "x";
        String pmem = "a".repeat(250) + "!";
        String alias = "a:1 , ".repeat(40) + "x";
        long start = System.nanoTime();
        refused("hw:cpu_realtime_mask", mask);
        refused("hw:pmem", pmem);
        refused("pci_passthrough:alias", alias);
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** The safe patterns of the table match exactly the strings Nova's match (compared on every short string). */
    @Test
    void safePatternsMatchWhatNovasMatch() {
        check("\\^?\\d+((-\\d+)?(,\\^?\\d+(-\\d+)?)?)*", "\\^?\\d++(?:-\\d++|,\\^?\\d++)*+", "1-,^x");
        check("(\\^)?\\d+((-\\d+)?(,\\^?\\d+(-\\d+)?)?)*", "\\^?\\d++(?:-\\d++|,\\^?\\d++)*+", "1-,^x");
        check("([a-zA-Z0-9_]+(,)?)+", "[a-zA-Z0-9_]++(?:,[a-zA-Z0-9_]++)*+,?", "a,_ !");
        check("[^:]+:\\d+(?:\\s*,\\s*[^:]+:\\d+)*", "[^:]++:\\d++(?:\\s*+,[^:]++:\\d++)*+", "a1:, ");
    }

    private static void check(String nova, String safe, String alphabet) {
        Pattern n = Pattern.compile(nova);
        Pattern s = Pattern.compile(safe);
        Random random = new Random(86);
        int matched = 0;
        for (int len = 0; len <= 7; len++) {
            for (int i = 0; i < 4000; i++) {
                StringBuilder b = new StringBuilder();
                for (int c = 0; c < len; c++) {
                    b.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                String v = b.toString();
                boolean expected = n.matcher(v).matches();
                matched += expected ? 1 : 0;
                assertEquals(expected, s.matcher(v).matches(), nova + " vs " + safe + " on '" + v + "'");
            }
        }
        assertTrue(matched > 50, "too few matching samples for " + nova + ": " + matched);
    }
}
