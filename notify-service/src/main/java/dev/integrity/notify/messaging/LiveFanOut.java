package dev.integrity.notify.messaging;

import java.io.IOException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.integrity.contract.EventJson;
import dev.integrity.notify.config.NotifyConfig;
import dev.integrity.notify.model.NotificationSnapshot;
import dev.integrity.notify.service.LiveListeners;
import dev.integrity.notify.service.LivePublisher;
import dev.integrity.notify.service.NotificationMetrics;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Live delivery across replicas: the replica that creates a message publishes it (as JSON) on a
 * Redis pub/sub channel; every replica, itself included, is subscribed and hands it to the
 * streams open on it. A lost subscription is re-established; a message published meanwhile is
 * not pushed, but it is in the inbox.
 */
@ApplicationScoped
public class LiveFanOut implements LivePublisher {

    private static final Logger LOG = Logger.getLogger(LiveFanOut.class);
    private static final Duration FIRST_SUBSCRIPTION_WAIT = Duration.ofSeconds(5);

    private final ReactivePubSubCommands<String> pubsub;
    private final LiveListeners listeners;
    private final NotificationMetrics metrics;
    private final String channel;
    private final Duration resubscribeDelay;

    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;
    private volatile boolean stopping;

    public LiveFanOut(ReactiveRedisDataSource redis, LiveListeners listeners, NotificationMetrics metrics, NotifyConfig config) {
        this.pubsub = redis.pubsub(String.class);
        this.listeners = listeners;
        this.metrics = metrics;
        this.channel = config.live().channel();
        this.resubscribeDelay = config.live().resubscribeDelay();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            subscribe().await().atMost(FIRST_SUBSCRIPTION_WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("live channel %s not subscribed yet, retrying in the background: %s", channel, e.toString());
            resubscribeLater();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        ReactivePubSubCommands.ReactiveRedisSubscriber current = subscriber;
        subscriber = null;
        if (current != null) {
            current.unsubscribe().subscribe().with(ignored -> {
            }, e -> LOG.debugf("unsubscribe from %s failed: %s", channel, e.toString()));
        }
    }

    /** Whether this replica currently receives the live channel (readiness). */
    public boolean isSubscribed() {
        return subscriber != null;
    }

    @Override
    public Uni<Void> publish(NotificationSnapshot message) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return pubsub.publish(channel, json)
                .onFailure().recoverWithItem(e -> {
                    metrics.livePublishFailed();
                    LOG.warnf("notification %s not pushed live (it is in the inbox): %s", message.id(), e.toString());
                    return null;
                });
    }

    private Uni<Void> subscribe() {
        return pubsub.subscribe(channel, this::onMessage, this::onEnd, this::onError)
                .invoke(s -> {
                    subscriber = s;
                    LOG.infof("subscribed to live channel %s", channel);
                })
                .replaceWithVoid();
    }

    private void resubscribeLater() {
        if (stopping) {
            return;
        }
        Uni.createFrom().voidItem().onItem().delayIt().by(resubscribeDelay)
                .chain(this::subscribe)
                .subscribe().with(ignored -> {
                }, e -> {
                    LOG.warnf("live channel %s not subscribed, retrying: %s", channel, e.toString());
                    resubscribeLater();
                });
    }

    private void onMessage(String json) {
        NotificationSnapshot message;
        try {
            message = EventJson.mapper().readValue(json, NotificationSnapshot.class);
        } catch (IOException e) {
            LOG.warnf("unreadable message on live channel %s ignored: %s", channel, e.getMessage());
            return;
        }
        listeners.dispatch(message);
    }

    private void onEnd() {
        subscriber = null;
        if (!stopping) {
            LOG.warnf("live channel %s subscription ended, subscribing again", channel);
            resubscribeLater();
        }
    }

    private void onError(Throwable e) {
        LOG.warnf("live channel %s: %s", channel, e.toString());
    }
}
