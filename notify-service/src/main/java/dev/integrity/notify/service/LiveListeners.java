package dev.integrity.notify.service;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.integrity.notify.model.NotificationSnapshot;
import io.quarkus.runtime.Startup;

/**
 * The open notification streams of THIS replica, by account. It is fed by the live channel (Redis
 * pub/sub), to which every replica subscribes, so a message created on any replica reaches the
 * streams open on all of them; the registry itself only holds this replica's connections.
 */
@Startup // registers the SSE gauge at start, not at the first stream
@ApplicationScoped
public class LiveListeners {

    private static final Logger LOG = Logger.getLogger(LiveListeners.class);

    private final Map<String, Set<Consumer<NotificationSnapshot>>> byAccount = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    public LiveListeners(NotificationMetrics metrics) {
        metrics.sseClients(open::get);
    }

    /** Starts passing the account's new messages to the listener; close the result to stop. */
    public AutoCloseable register(String accountId, Consumer<NotificationSnapshot> listener) {
        byAccount.computeIfAbsent(accountId, id -> new CopyOnWriteArraySet<>()).add(listener);
        open.incrementAndGet();
        return () -> unregister(accountId, listener);
    }

    /** Passes a new message to the streams open for its account on this replica. */
    public void dispatch(NotificationSnapshot message) {
        Set<Consumer<NotificationSnapshot>> listeners = byAccount.get(message.accountId());
        if (listeners == null) {
            return;
        }
        for (Consumer<NotificationSnapshot> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                LOG.warnf("live delivery of notification %s to a stream failed: %s", message.id(), e.toString());
            }
        }
    }

    public int openStreams() {
        return open.get();
    }

    private void unregister(String accountId, Consumer<NotificationSnapshot> listener) {
        byAccount.computeIfPresent(accountId, (id, listeners) -> {
            if (listeners.remove(listener)) {
                open.decrementAndGet();
            }
            return listeners.isEmpty() ? null : listeners;
        });
    }
}
