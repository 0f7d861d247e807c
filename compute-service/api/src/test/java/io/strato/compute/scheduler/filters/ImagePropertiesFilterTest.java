package io.strato.compute.scheduler.filters;

import static io.strato.compute.scheduler.Fixtures.host;
import static io.strato.compute.scheduler.Fixtures.withImage;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ImagePropertiesFilterTest {
    private final ImagePropertiesFilter filter = new ImagePropertiesFilter();

    @Test
    void anImageWithoutPropertiesRunsAnywhere() {
        assertTrue(filter.passes(host("a").arch("aarch64").state(), withImage(Map.of("os_distro", "ubuntu"))));
    }

    @Test
    void theArchitectureMustMatchWithNovasAliases() {
        var x86 = host("a").arch("x86_64").state();
        assertTrue(filter.passes(x86, withImage(Map.of("hw_architecture", "x86_64"))));
        assertTrue(filter.passes(x86, withImage(Map.of("architecture", "amd64"))));
        assertFalse(filter.passes(x86, withImage(Map.of("hw_architecture", "aarch64"))));
        assertTrue(filter.passes(host("b").arch("aarch64").state(), withImage(Map.of("hw_architecture", "arm64"))));
    }

    @Test
    void aQemuHostRunsQemuAndKvmImagesButNotXen() {
        var qemu = host("a").hypervisorType("QEMU").state();
        assertTrue(filter.passes(qemu, withImage(Map.of("img_hv_type", "kvm"))));
        assertTrue(filter.passes(qemu, withImage(Map.of("hypervisor_type", "qemu"))));
        assertFalse(filter.passes(qemu, withImage(Map.of("img_hv_type", "xen"))));
    }

    @Test
    void onlyHvmGuestsRun() {
        var h = host("a").state();
        assertTrue(filter.passes(h, withImage(Map.of("hw_vm_mode", "hvm"))));
        assertTrue(filter.passes(h, withImage(Map.of("vm_mode", "hv"))));
        assertFalse(filter.passes(h, withImage(Map.of("hw_vm_mode", "xen"))));
    }
}
