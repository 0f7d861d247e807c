package io.strato.volume.backend;

import io.strato.kit.faults.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured backends by name, and which one a volume type's extra specs select. */
@ApplicationScoped
public class Backends {
    /** The host every backend runs on, in Cinder's names: services {@code strato@<backend>}, pools {@code strato@<backend>#<backend>}. */
    public static final String HOST = "strato";
    /** What get_pools and capabilities report of every backend: vendor, driver version, storage protocol. */
    public static final String VENDOR = "Strato";
    public static final String DRIVER_VERSION = "1.0";
    public static final String STORAGE_PROTOCOL = "file";

    private final Map<String, Driver> drivers = new TreeMap<>();
    private final BackendConfig config;

    public Backends(Instance<Driver> all, BackendConfig config) {
        this.config = config;
        all.forEach(d -> drivers.put(d.name(), d));
    }

    public boolean exists(String name) {
        return drivers.containsKey(name);
    }

    /** The backend named by a type's {@code volume_backend_name}, or the default backend when it names none. */
    public String select(Map<String, String> extraSpecs) {
        String name = extraSpecs == null ? null : extraSpecs.get("volume_backend_name");
        String chosen = name == null || name.isBlank() ? config.defaultBackend() : name;
        if (!drivers.containsKey(chosen)) {
            throw new InvalidInput("No valid backend was found: no backend named '" + chosen + "'.");
        }
        return chosen;
    }

    /**
     * Cinder's scheduling of a new volume: the backend the type's {@code volume_backend_name} names (else the default
     * backend) if its capabilities pass the type's extra specs ({@link CapabilitiesFilter}); empty when none fits
     * (Cinder's "No valid backend was found").
     */
    public Optional<String> schedule(Map<String, String> extraSpecs) {
        String chosen = select(extraSpecs);
        return CapabilitiesFilter.passes(capabilities(chosen), extraSpecs) ? Optional.of(chosen) : Optional.empty();
    }

    /** The capabilities a backend reports (get_pools, capabilities) that the scheduler matches extra specs against. */
    public static Map<String, String> capabilities(String backend) {
        return Map.of("volume_backend_name", backend, "vendor_name", VENDOR, "driver_version", DRIVER_VERSION,
                "storage_protocol", STORAGE_PROTOCOL, "thin_provisioning_support", "True",
                "thick_provisioning_support", "False", "multiattach", "False");
    }

    public Driver driver(String name) {
        Driver d = drivers.get(name);
        if (d == null) {
            throw new DriverException("backend '" + name + "' is not configured");
        }
        return d;
    }

    /** Cinder's host of a backend's cinder-volume service: {@code strato@<backend>}. */
    public static String serviceHost(String backend) {
        return HOST + "@" + backend;
    }

    public Map<String, Driver> all() {
        return drivers;
    }
}
