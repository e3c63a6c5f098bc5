package dev.integrity.notify.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.integrity.notify.config.NotifyConfig;
import dev.integrity.notify.model.NewNotification;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

/**
 * The per-account cap, shared by every replica through Redis: a sorted set per account of the
 * transitions delivered in the sliding window. One atomic script trims the window, counts, and
 * admits. Asking again for the same transition gives the same answer once admitted (a retry never
 * uses up a second slot). ACCOUNT_BLOCKED, ENFORCEMENT_REVERSED and APPEAL_DENIED are always
 * admitted (and count). When Redis cannot answer in time, the message is delivered: the cap
 * protects against floods, it must not make warnings disappear during an outage.
 */
@ApplicationScoped
public class MessageCap {

    private static final Logger LOG = Logger.getLogger(MessageCap.class);

    private static final String KEY_PREFIX = "notify:cap:";

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

    private final Redis redis;
    private final NotifyConfig.Cap config;
    private final NotificationMetrics metrics;

    public MessageCap(Redis redis, NotifyConfig config, NotificationMetrics metrics) {
        this.redis = redis;
        this.config = config.cap();
        this.metrics = metrics;
    }

    /** @return true to deliver the message, false to record it as suppressed */
    public Uni<Boolean> admit(NewNotification message) {
        Request script = Request.cmd(Command.EVAL).arg(ADMIT).arg(1)
                .arg(KEY_PREFIX + message.accountId())
                .arg(System.currentTimeMillis())
                .arg(config.window().toMillis())
                .arg(config.maxMessages())
                .arg(message.transitionKey())
                .arg(message.kind().isCapped() ? "0" : "1");
        return redis.send(script)
                .ifNoItem().after(config.timeout()).fail()
                .map(response -> response != null && response.toInteger() == 1)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("per-account cap unavailable, delivering without it: enforcement=%s account=%s error=%s",
                            message.enforcementId(), message.accountId(), e.toString());
                    metrics.capUnavailable();
                    return true;
                });
    }
}
