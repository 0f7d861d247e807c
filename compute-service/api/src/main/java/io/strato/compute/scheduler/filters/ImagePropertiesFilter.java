package io.strato.compute.scheduler.filters;

import io.strato.compute.scheduler.HostFilter;
import io.strato.compute.scheduler.HostState;
import io.strato.compute.scheduler.RequestSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Only hosts that can run the image: its {@code hw_architecture} (or {@code architecture}),
 * {@code img_hv_type} (or {@code hypervisor_type}) and {@code hw_vm_mode} (or {@code vm_mode})
 * against what the host supports. A QEMU/KVM host runs hvm guests of its own architecture under
 * both the {@code qemu} and {@code kvm} hypervisor types, as Nova's libvirt driver reports. An
 * image without these properties runs anywhere.
 */
public final class ImagePropertiesFilter implements HostFilter {
    private static final Set<String> QEMU_FAMILY = Set.of("qemu", "kvm");

    @Override
    public String name() {
        return "ImagePropertiesFilter";
    }

    @Override
    public boolean passes(HostState host, RequestSpec spec) {
        Map<String, String> props = spec.imageProperties();
        String arch = first(props, "hw_architecture", "architecture");
        String hvType = first(props, "img_hv_type", "hypervisor_type");
        String vmMode = first(props, "hw_vm_mode", "vm_mode");
        return (arch == null || canonicalArch(arch).equals(canonicalArch(host.cpuArch())))
                && (hvType == null || hypervisorTypes(host).contains(canonicalHvType(hvType)))
                && (vmMode == null || "hvm".equals(canonicalVmMode(vmMode)));
    }

    private static String first(Map<String, String> props, String key, String legacyKey) {
        String v = props.get(key);
        if (v == null || v.isBlank()) {
            v = props.get(legacyKey);
        }
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static Set<String> hypervisorTypes(HostState host) {
        String type = host.hypervisorType() == null ? "" : host.hypervisorType().toLowerCase(Locale.ROOT);
        return QEMU_FAMILY.contains(type) ? QEMU_FAMILY : Set.of(type);
    }

    /** Nova's Architecture.canonicalize. */
    static String canonicalArch(String arch) {
        String a = arch == null ? "" : arch.toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x64" -> "x86_64";
            case "i386", "i486", "i586", "ia32" -> "i686";
            case "arm64" -> "aarch64";
            default -> a;
        };
    }

    /** Nova's HVType.canonicalize. */
    static String canonicalHvType(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        return "xapi".equals(t) ? "xen" : t;
    }

    /** Nova's VMMode.canonicalize: the legacy names of full virtualisation map to hvm. */
    static String canonicalVmMode(String mode) {
        String m = mode.toLowerCase(Locale.ROOT);
        return switch (m) {
            case "hv", "baremetal" -> "hvm";
            case "pv" -> "xen";
            default -> m;
        };
    }
}
