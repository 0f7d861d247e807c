package io.strato.volume.backend.libvirt;

import com.sun.jna.Pointer;
import io.strato.volume.backend.DriverException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;
import org.libvirt.Connect;
import org.libvirt.Error;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/**
 * The one libvirt connection of a URI in this process. libvirt's test driver starts a fresh simulated
 * host on every open ({@code test:///default} twice is two unrelated hosts), so each URI is opened once
 * and shared; a real daemon's connection is reopened after it went away. libvirt-java objects are not
 * made to be shared between threads, so every call runs on the connection's own thread, in order, and the
 * caller blocks for its result.
 */
final class PoolConnection {
    private static final Logger LOG = Logger.getLogger(PoolConnection.class);
    private static final Map<String, PoolConnection> BY_URI = new ConcurrentHashMap<>();

    static {
        try {
            // libvirt prints every error to stderr by default; the driver reports them itself
            Connect.setErrorCallback(new QuietErrors());
        } catch (LibvirtException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.debugf("could not silence libvirt's error printing: %s", e.getMessage());
        }
    }

    private final String uri;
    private final ExecutorService thread;
    private Connect conn; // connection thread only

    private PoolConnection(String uri) {
        this.uri = uri;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "libvirt-pool " + uri);
            t.setDaemon(true);
            return t;
        });
    }

    /** The connection of {@code uri}, shared by every driver of this process that names it. */
    static PoolConnection of(String uri) {
        return BY_URI.computeIfAbsent(uri, PoolConnection::new);
    }

    String uri() {
        return uri;
    }

    /** libvirt's test driver: pools and volumes live in this connection only, without files. */
    boolean simulated() {
        return uri.startsWith("test:");
    }

    @FunctionalInterface
    interface Call<T> {
        T apply(Connect c) throws LibvirtException;
    }

    /** Runs {@code fn} on the connection's thread; a libvirt error becomes a DriverException naming {@code action}. */
    <T> T call(String action, Call<T> fn) {
        Future<T> result = thread.submit(() -> {
            Connect c = open(action);
            try {
                return fn.apply(c);
            } catch (LibvirtException e) {
                checkAlive(c);
                throw failure(action, e);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DriverException(action + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DriverException(action + ": interrupted", e);
        }
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

    private Connect open(String action) {
        if (conn == null) {
            try {
                conn = new Connect(uri, false);
                LOG.infof("volume backend connected to libvirt at %s", uri);
            } catch (LibvirtException e) {
                throw failure(action + " (connecting to " + uri + ")", e);
            }
        }
        return conn;
    }

    private void checkAlive(Connect c) {
        if (simulated()) {
            return; // the test driver's connection is its host: reopening would lose every pool and volume
        }
        try {
            if (c.isAlive()) {
                return;
            }
        } catch (LibvirtException e) {
            // treat as dead
        }
        LOG.warnf("libvirt connection to %s lost; reconnecting on the next call", uri);
        try {
            c.close();
        } catch (LibvirtException e) {
            LOG.debug("closing a dead libvirt connection", e);
        }
        conn = null;
    }

    private static final class QuietErrors implements Libvirt.VirErrorCallback {
        @Override
        public void errorCallback(Pointer userData, virError error) {
            // intentionally silent
        }
    }
}
