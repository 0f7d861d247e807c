package io.strato.network.secgroups;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs requests at once, one thread each, for tests of what concurrent callers get. */
public final class Race {
    private Race() {
    }

    /** The results of {@code count} simultaneous calls of {@code call}, in no particular order. */
    public static <T> List<T> of(int count, Callable<T> call) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(call);
        }
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<T> out = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(calls)) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
