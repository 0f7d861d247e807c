package io.strato.compute.volumes;

import io.strato.compute.protocol.Commands;
import io.strato.kit.faults.InvalidInput;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The guest device of a new volume, as Nova's libvirt driver picks it: the first free {@code vdX} after the
 * root disk ({@code vda}), the flavor's ephemeral and swap disks (when it has them) and the server's other
 * volumes. A device the user asks for is ignored, as libvirt cannot honour it either.
 */
final class DeviceNames {
    private static final String PREFIX = "vd";

    private DeviceNames() {
    }

    static String next(Commands.Flavor flavor, Collection<String> attached) {
        Set<String> used = new HashSet<>(attached);
        used.add(PREFIX + "a");
        char local = 'b';
        if (flavor != null && flavor.ephemeralGb() > 0) {
            used.add(PREFIX + local++);
        }
        if (flavor != null && flavor.swapMb() > 0) {
            used.add(PREFIX + local);
        }
        for (char c = 'b'; c <= 'z'; c++) {
            if (!used.contains(PREFIX + c)) {
                return PREFIX + c;
            }
        }
        throw new InvalidInput("No free disk device names for prefix '" + PREFIX + "'");
    }
}
