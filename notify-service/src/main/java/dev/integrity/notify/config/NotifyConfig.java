package dev.integrity.notify.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed settings of the notify service (prefix {@code notify}). */
@ConfigMapping(prefix = "notify")
public interface NotifyConfig {

    Inbox inbox();

    Cap cap();

    Live live();

    Languages languages();

    /** Paging of {@code GET /accounts/{id}/notifications}. */
    interface Inbox {

        /** Page size when the request names none. */
        @WithDefault("20")
        int defaultPageSize();

        /** Larger requested sizes are capped to this. */
        @WithDefault("100")
        int maxPageSize();
    }

    /**
     * The per-account cap: at most {@code maxMessages} messages per account within any sliding
     * {@code window}. ACCOUNT_BLOCKED, ENFORCEMENT_REVERSED and APPEAL_DENIED are never held back
     * (they count).
     */
    interface Cap {

        @WithDefault("5")
        int maxMessages();

        @WithDefault("PT24H")
        Duration window();

        /** How long to wait for Redis before delivering without the cap (fail open). */
        @WithDefault("PT2S")
        Duration timeout();
    }

    /** Live delivery (SSE) and its fan-out between replicas through Redis pub/sub. */
    interface Live {

        /** The Redis channel every replica publishes new messages to and subscribes to. */
        @WithDefault("notify:live")
        String channel();

        /** How often an open stream gets a keep-alive comment. */
        @WithDefault("PT20S")
        Duration heartbeat();

        /** Wait between attempts to (re)subscribe to the channel. */
        @WithDefault("PT2S")
        Duration resubscribeDelay();
    }

    /** The languages messages are rendered in (a template set under templates/notifications/ each). */
    interface Languages {

        /** Language tags with templates, in order of preference. */
        @WithDefault("en,de")
        List<String> supported();

        /** Used when Accept-Language names none of the supported languages. */
        @WithDefault("en")
        String fallback();
    }
}
