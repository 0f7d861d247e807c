package io.strato.volume.backend.libvirt;

import io.strato.host.libvirt.LibvirtConnection;
import io.strato.host.libvirt.LibvirtConnection.LibvirtCall;
import io.strato.volume.backend.DriverException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.libvirt.Connect;
import org.libvirt.Error;
import org.libvirt.LibvirtException;

/**
 * The one libvirt connection of a URI in this process, on host-kit's {@link LibvirtConnection}. libvirt's
 * test driver starts a fresh simulated host on every open ({@code test:///default} twice is two unrelated
 * hosts), so each URI is opened once and shared; a real daemon's connection is reopened after it went away.
 * libvirt-java objects are not made to be shared between threads, so every call runs on the connection's
 * own thread, in order, and the caller blocks for its result.
 */
final class PoolConnection {
    private static final Logger LOG = Logger.getLogger(PoolConnection.class);
    private static final Map<String, PoolConnection> BY_URI = new ConcurrentHashMap<>();

    /** libvirt's errors as the driver says them: a DriverException naming the action. */
    private static final LibvirtConnection.Failures FAILURES = new LibvirtConnection.Failures() {
        @Override
        public RuntimeException refused(String action, LibvirtException e) {
            return failure(action, e);
        }

        @Override
        public RuntimeException broken(String message, Throwable cause) {
            return new DriverException(message, cause);
        }
    };

    private final LibvirtConnection<Connect> libvirt;

    private PoolConnection(String uri) {
        this.libvirt = new LibvirtConnection<>(uri, "libvirt-pool " + uri, u -> new Connect(u, false), FAILURES,
                new LibvirtConnection.StateListener<Connect>() {
                    @Override
                    public void connected(Connect connection) {
                        LOG.infof("volume backend connected to libvirt at %s", uri);
                    }
                });
    }

    /** The connection of {@code uri}, shared by every driver of this process that names it. */
    static PoolConnection of(String uri) {
        return BY_URI.computeIfAbsent(uri, PoolConnection::new);
    }

    String uri() {
        return libvirt.uri();
    }

    /** libvirt's test driver: pools and volumes live in this connection only, without files. */
    boolean simulated() {
        return libvirt.simulated();
    }

    /** Runs {@code fn} on the connection's thread; a libvirt error becomes a DriverException naming {@code action}. */
    <T> T call(String action, LibvirtCall<Connect, T> fn) {
        return libvirt.call(action, fn);
    }

    static DriverException failure(String action, LibvirtException e) {
        Error error = e.getError();
        String message = error == null || error.getMessage() == null ? e.getMessage() : error.getMessage();
        return new DriverException(action + ": " + message, e);
    }

    /** Whether libvirt said the storage volume does not exist. */
    static boolean noVolume(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_STORAGE_VOL;
    }

    /** Whether libvirt said the storage pool does not exist. */
    static boolean noPool(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_STORAGE_POOL;
    }
}
