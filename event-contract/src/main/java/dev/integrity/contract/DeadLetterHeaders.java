package dev.integrity.contract;

/**
 * The headers a dead letter carries besides the original record's own: why no consumer could use the
 * record, where it came from, and which consumer gave up on it. Written by the services' dead-letter
 * class, read by the operators' dead-letter tools ({@code ./suite dlq}).
 */
public final class DeadLetterHeaders {

    /** Every dead-letter header starts with this; a replay drops them and keeps the record's own. */
    public static final String PREFIX = "dead-letter-";
    public static final String REASON = PREFIX + "reason";
    public static final String TOPIC = PREFIX + "topic";
    public static final String PARTITION = PREFIX + "partition";
    public static final String OFFSET = PREFIX + "offset";
    public static final String CONSUMER = PREFIX + "consumer";

    private DeadLetterHeaders() {
    }
}
