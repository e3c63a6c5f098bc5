package dev.integrity.simulator.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/** Calls a function for many keys, at most {@code concurrency} at a time, on virtual threads. */
final class Parallel {

    private Parallel() {
    }

    /** Results by key in the keys' order; a key whose call returned null is left out. The first failure is rethrown. */
    static <K, V> Map<K, V> map(List<K> keys, int concurrency, Function<K, V> call) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Map<K, V> results = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<V>> futures = new ArrayList<>(keys.size());
            for (K key : keys) {
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return call.apply(key);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (int i = 0; i < keys.size(); i++) {
                try {
                    V value = futures.get(i).get();
                    if (value != null) {
                        results.put(keys.get(i), value);
                    }
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return results;
    }
}
