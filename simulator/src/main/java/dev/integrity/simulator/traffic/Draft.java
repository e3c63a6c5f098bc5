package dev.integrity.simulator.traffic;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventType;
import dev.integrity.contract.Profile;
import java.time.Instant;
import java.util.Comparator;

/** An event planned for a time, before it gets its id. */
record Draft(long at, int actor, long seq, EventType type, String clientAppId, String ip, String deviceId,
        String targetAccountId, String mediaId, String text, String appId, Profile profile) {

    /** Time order; ties by account and then by the order they were planned in: deterministic. */
    static final Comparator<Draft> ORDER = Comparator.comparingLong(Draft::at).thenComparingInt(Draft::actor)
            .thenComparingLong(Draft::seq);

    AccountEvent toEvent(String eventId, String accountId) {
        return new AccountEvent(eventId, type, accountId, Instant.ofEpochMilli(at), clientAppId, ip, deviceId, targetAccountId,
                mediaId, text, appId, profile);
    }

    /** Fills in a draft step by step. */
    static final class Builder {
        private final Actor actor;
        private final long at;
        private final EventType type;
        private String clientAppId;
        private String ip;
        private String deviceId;
        private String target;
        private String mediaId;
        private String text;
        private String appId;

        Builder(Actor actor, long at, EventType type) {
            this.actor = actor;
            this.at = at;
            this.type = type;
        }

        Builder via(String clientAppId, String ip, String deviceId) {
            this.clientAppId = clientAppId;
            this.ip = ip;
            this.deviceId = deviceId;
            return this;
        }

        Builder target(String targetAccountId) {
            this.target = targetAccountId;
            return this;
        }

        Builder media(String mediaId) {
            this.mediaId = mediaId;
            return this;
        }

        Builder text(String text) {
            this.text = text;
            return this;
        }

        Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        void schedule() {
            actor.schedule(new Draft(at, actor.index(), actor.nextSeq(), type, clientAppId, ip, deviceId, target, mediaId, text,
                    appId, null));
        }
    }
}
