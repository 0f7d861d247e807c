package io.strato.network.agent.host;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a piece of code inside a network namespace: a socket made there stays there, so the agent can listen
 * on a namespace's address (the metadata proxy) without a helper process. Only a fresh, short-lived thread
 * ever enters a namespace (setns(2) moves the calling thread only), and it leaves before it ends, so no
 * other thread of the agent is ever elsewhere.
 */
public final class Netns {

    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;

    interface LibC extends Library {
        int open(String path, int flags) throws LastErrorException;

        int close(int fd) throws LastErrorException;

        int setns(int fd, int nstype) throws LastErrorException;
    }

    private static volatile LibC libc;

    private Netns() {
    }

    public static <T> T call(String namespace, Callable<T> action) {
        FutureTask<T> task = new FutureTask<>(() -> inside(namespace, action));
        Thread t = new Thread(task, "netns-" + namespace);
        t.setDaemon(true);
        t.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new HostFailure("in namespace " + namespace + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostFailure("interrupted entering namespace " + namespace, e);
        }
    }

    private static <T> T inside(String namespace, Callable<T> action) throws Exception {
        LibC c = libc();
        int home = c.open("/proc/thread-self/ns/net", O_RDONLY);
        try {
            int target;
            try {
                target = c.open("/run/netns/" + namespace, O_RDONLY);
            } catch (LastErrorException e) {
                throw new HostFailure("no namespace " + namespace, e);
            }
            try {
                c.setns(target, CLONE_NEWNET);
                try {
                    return action.call();
                } finally {
                    c.setns(home, CLONE_NEWNET);
                }
            } finally {
                c.close(target);
            }
        } finally {
            c.close(home);
        }
    }

    private static LibC libc() {
        if (libc == null) {
            libc = Native.load("c", LibC.class);
        }
        return libc;
    }
}
