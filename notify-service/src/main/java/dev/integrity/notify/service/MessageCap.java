package dev.integrity.notify.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.integrity.notify.config.NotifyConfig;
import dev.integrity.notify.model.NewNotification;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Response;

/**
 * The per-account cap, shared by every replica through Redis: a sorted set per account of the
 * transitions delivered in the sliding window. One atomic script trims the window, counts, and
 * admits. Asking again for the same transition gives the same answer once admitted (a retry never
 * uses up a second slot). ACCOUNT_BLOCKED, ENFORCEMENT_REVERSED and APPEAL_DENIED are always
 * admitted (and count). When Redis cannot answer in time, the message is delivered: the cap
 * protects against floods, it must not make warnings disappear during an outage. Quarkus's typed
 * data source has no scripting group: the script goes through its raw {@code execute}, and
 * {@link #admitted} reads the answer.
 */
@ApplicationScoped
public class MessageCap {

    private static final Logger LOG = Logger.getLogger(MessageCap.class);

    private static final String ADMIT = """
            local key, now, window, limit, member, exempt = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4], ARGV[5]
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            if redis.call('ZSCORE', key, member) then
              return 1
            end
            if exempt == '1' or redis.call('ZCARD', key) < limit then
              redis.call('ZADD', key, now, member)
              redis.call('PEXPIRE', key, window)
              return 1
            end
            return 0""";

    private final ReactiveRedisDataSource redis;
    private final NotifyConfig.Cap config;
    private final NotificationMetrics metrics;
    private final Clock clock;

    public MessageCap(ReactiveRedisDataSource redis, NotifyConfig config, NotificationMetrics metrics, Clock clock) {
        this.redis = redis;
        this.config = config.cap();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @return true to deliver the message, false to record it as suppressed */
    public Uni<Boolean> admit(NewNotification message) {
        return redis.execute(Command.EVAL, ADMIT, "1", RedisKeys.messageCap(message.accountId()),
                String.valueOf(clock.millis()), String.valueOf(config.window().toMillis()), String.valueOf(config.maxMessages()),
                message.transitionKey(), message.kind().isCapped() ? "0" : "1")
                .ifNoItem().after(config.timeout()).fail()
                .map(MessageCap::admitted)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("per-account cap unavailable, delivering without it: enforcement=%s account=%s error=%s",
                            message.enforcementId(), message.accountId(), e.toString());
                    metrics.capUnavailable();
                    return true;
                });
    }

    /** The script answers 1 to deliver, 0 to hold back. */
    private static boolean admitted(Response answer) {
        return answer != null && answer.toInteger() == 1;
    }
}
