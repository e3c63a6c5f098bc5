package dev.integrity.bench;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventJson;
import java.util.Iterator;

/**
 * Serialised events held for the baseline producer: each event's JSON (exactly what ingest puts on
 * {@code account-events}) and its key, the accountId. Sent round and round, so the baseline is not
 * held back by generating events.
 */
public final class EventPool {

    private final String[] keys;
    private final byte[][] values;
    private final long bytes;

    private EventPool(String[] keys, byte[][] values, long bytes) {
        this.keys = keys;
        this.values = values;
        this.bytes = bytes;
    }

    /** The first {@code size} events of the stream (fewer if it ends first; at least one). */
    public static EventPool of(Iterator<AccountEvent> events, int size) {
        String[] keys = new String[size];
        byte[][] values = new byte[size][];
        long bytes = 0;
        int n = 0;
        while (n < size && events.hasNext()) {
            AccountEvent e = events.next();
            keys[n] = e.accountId();
            values[n] = EventJson.toBytes(e);
            bytes += values[n].length;
            n++;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no events to pool");
        }
        if (n < size) {
            keys = java.util.Arrays.copyOf(keys, n);
            values = java.util.Arrays.copyOf(values, n);
        }
        return new EventPool(keys, values, bytes);
    }

    public int size() {
        return keys.length;
    }

    public String key(int i) {
        return keys[i];
    }

    public byte[] value(int i) {
        return values[i];
    }

    public double averageBytes() {
        return (double) bytes / keys.length;
    }
}
