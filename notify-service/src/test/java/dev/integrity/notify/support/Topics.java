package dev.integrity.notify.support;

import org.eclipse.microprofile.config.ConfigProvider;

/** The topics notify-service's tests write to and read from (the incoming ones are the tests' own, apart from a running suite's). */
public final class Topics {

    public static final String OUTCOMES = "enforcement.applied";
    public static final String OUTCOMES_DLQ = "enforcement.dlq";
    public static final String EVENTS = ConfigProvider.getConfig()
            .getValue("mp.messaging.incoming.remediation-events.topic", String.class);
    public static final String EVENTS_DLQ = "account-events.dlq";
    public static final String APPEALS = ConfigProvider.getConfig()
            .getValue("mp.messaging.incoming.appeal-decisions.topic", String.class);

    private Topics() {
    }
}
