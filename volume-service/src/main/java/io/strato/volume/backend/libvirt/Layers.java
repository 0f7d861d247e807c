package io.strato.volume.backend.libvirt;

import io.strato.volume.backend.DriverException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a volume's qcow2 layers in the pool. libvirt cannot rename a volume, so a snapshot does
 * not move the volume's file aside as the local backend does: the volume's current top layer stays where
 * it is and becomes the snapshot, and a new top layer of the next generation goes on over it:
 * {@code volume-<id>.qcow2} (generation 0), {@code volume-<id>.1.qcow2}, {@code volume-<id>.2.qcow2}...
 *
 * <p>A volume's location is {@code volume-<id>} (its top layer is its highest generation, so the location
 * never changes); a snapshot's location is the name of the layer it froze.
 */
final class Layers {
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern VOLUME = Pattern.compile("volume-" + ID);
    private static final Pattern LAYER = Pattern.compile("(volume-" + ID + ")(?:\\.([1-9][0-9]{0,8}))?\\.qcow2");

    private Layers() {
    }

    static String volume(UUID id) {
        return "volume-" + id;
    }

    /** The layer of {@code volume} at {@code generation}. */
    static String layer(String volume, int generation) {
        return generation == 0 ? volume + ".qcow2" : volume + "." + generation + ".qcow2";
    }

    /** Whether {@code location} names a volume (its top layer), rather than one layer. */
    static boolean isVolume(String location) {
        if (VOLUME.matcher(location).matches()) {
            return true;
        }
        if (LAYER.matcher(location).matches()) {
            return false;
        }
        throw new DriverException("location " + location + " is not a volume or snapshot of the libvirt backend");
    }

    /** The generation of {@code name} when it is a layer of {@code volume}. */
    static Optional<Integer> generation(String volume, String name) {
        Matcher m = LAYER.matcher(name);
        if (!m.matches() || !m.group(1).equals(volume)) {
            return Optional.empty();
        }
        return Optional.of(m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /** Whether {@code name} is a layer of any volume of this backend. */
    static boolean isLayer(String name) {
        return LAYER.matcher(name).matches();
    }
}
