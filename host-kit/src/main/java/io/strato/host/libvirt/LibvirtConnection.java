package io.strato.host.libvirt;

import com.sun.jna.Pointer;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;
import org.libvirt.Connect;
import org.libvirt.LibvirtException;
import org.libvirt.jna.Libvirt;
import org.libvirt.jna.virError;

/**
 * One libvirt connection and the one thread it is used on. libvirt-java objects are not made to be shared
 * between threads, so every {@link #call} runs on the connection's own thread, in submission order, and the
 * caller blocks for its result. The connection is opened by the first call (or {@link #connect}).
 *
 * <p>A connection to libvirt's test driver ({@code test:...}) is never reopened: it is the simulated host
 * itself, and a second connection would start from a fresh copy (losing every domain, pool and volume). A
 * real daemon's connection that a failed call finds dead is closed, and the next call opens a new one.
 *
 * <p>What a failure is called stays with the caller: {@link Failures} turns libvirt's errors into the
 * caller's own exception type; a runtime exception thrown by the call itself reaches the caller as it is.
 * {@link StateListener} is told on the connection's thread when a connection opens and when it is gone.
 *
 * @param <C> what the {@link ConnectionOpener} opens (a plain {@link Connect}, or a subclass of it)
 */
public final class LibvirtConnection<C extends Connect> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LibvirtConnection.class);

    static {
        try {
            // libvirt prints every error to stderr by default; its callers report failures themselves
            Connect.setErrorCallback(new QuietErrors());
        } catch (LibvirtException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.debugf("could not silence libvirt's error printing: %s", e.getMessage());
        }
    }

    /** Opens the connection of a URI, e.g. {@code uri -> new Connect(uri, false)}. */
    @FunctionalInterface
    public interface ConnectionOpener<C extends Connect> {
        C open(String uri) throws LibvirtException;
    }

    /** Work on the open connection, run on the connection's thread. */
    @FunctionalInterface
    public interface LibvirtCall<C, T> {
        T apply(C connection) throws LibvirtException;
    }

    /** The caller's words for what went wrong: its own exception type. */
    public interface Failures {
        /**
         * libvirt refused {@code action}, or refused to open the connection for it (the action then ends
         * with {@code (connecting to <uri>)}).
         */
        RuntimeException refused(String action, LibvirtException e);

        /**
         * The call could not be run or waited for (an error on the connection's thread, or the caller was
         * interrupted); {@code message} says so, starting with the action.
         */
        RuntimeException broken(String message, Throwable cause);
    }

    /** Told, on the connection's thread, when the connection opens and when it is gone. */
    public interface StateListener<C> {
        /** A connection was opened (the first, or a new one after the last was lost). */
        default void connected(C connection) {
        }

        /** There is no connection: opening one failed, the open one was found dead, or it was closed. */
        default void disconnected() {
        }
    }

    private final String uri;
    private final ConnectionOpener<? extends C> opener;
    private final Failures failures;
    private final StateListener<? super C> listener;
    private final ExecutorService thread;
    private C conn; // connection thread only

    /**
     * @param threadName the name of the connection's thread (what a thread dump shows)
     */
    public LibvirtConnection(String uri, String threadName, ConnectionOpener<? extends C> opener, Failures failures,
            StateListener<? super C> listener) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.failures = Objects.requireNonNull(failures, "failures");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public LibvirtConnection(String uri, String threadName, ConnectionOpener<? extends C> opener, Failures failures) {
        this(uri, threadName, opener, failures, new StateListener<C>() {
        });
    }

    public String uri() {
        return uri;
    }

    /** libvirt's test driver: the connection is the (simulated) host, so it is never reopened. */
    public boolean simulated() {
        return simulated(uri);
    }

    /** Whether {@code uri} names libvirt's test driver. */
    public static boolean simulated(String uri) {
        return uri.startsWith("test:");
    }

    /** Opens the connection now (otherwise the first call does); {@code action} names it in a failure. */
    public void connect(String action) {
        call(action, c -> null);
    }

    /**
     * Runs {@code fn} on the connection's thread (opening the connection first when there is none) and
     * returns its result. A {@link LibvirtException} becomes {@link Failures#refused} naming {@code action};
     * a runtime exception {@code fn} throws is rethrown as it is.
     */
    public <T> T call(String action, LibvirtCall<? super C, ? extends T> fn) {
        Future<T> result = thread.submit(() -> {
            C c = open(action);
            try {
                return fn.apply(c);
            } catch (LibvirtException e) {
                checkAlive(c);
                throw failures.refused(action, e);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw failures.broken(action + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.broken(action + ": interrupted", e);
        }
    }

    /** Closes the connection (if one is open) and ends its thread; later calls are rejected. */
    @Override
    public void close() {
        try {
            thread.submit(() -> {
                if (conn != null) {
                    try {
                        conn.close();
                    } catch (LibvirtException e) {
                        LOG.debugf("closing libvirt at %s: %s", uri, e.getMessage());
                    }
                    conn = null;
                    listener.disconnected();
                }
            }).get();
        } catch (ExecutionException e) {
            LOG.debugf(e.getCause(), "closing libvirt at %s", uri);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RejectedExecutionException e) {
            return; // closed before
        }
        thread.shutdown();
    }

    // ---- on the connection's thread ----

    private C open(String action) {
        if (conn == null) {
            C opened;
            try {
                opened = opener.open(uri);
            } catch (LibvirtException e) {
                listener.disconnected();
                throw failures.refused(action + " (connecting to " + uri + ")", e);
            }
            conn = opened;
            listener.connected(opened);
        }
        return conn;
    }

    /** After a failed call: a dead connection is closed, so that the next call opens a new one. */
    private void checkAlive(C c) {
        if (simulated()) {
            return; // the test driver's connection is the host: reopening would lose everything in it
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
        listener.disconnected();
    }

    /** Keeps libvirt from printing each error to stderr; callers report failures themselves. */
    private static final class QuietErrors implements Libvirt.VirErrorCallback {
        @Override
        public void errorCallback(Pointer userData, virError error) {
            // intentionally silent
        }
    }
}
