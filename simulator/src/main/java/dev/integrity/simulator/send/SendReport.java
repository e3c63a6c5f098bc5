package dev.integrity.simulator.send;

import java.util.ArrayList;
import java.util.List;

/**
 * What a send did.
 *
 * @param events          events handed to the sender
 * @param accepted        new events the gateway took
 * @param duplicates      events it already had (same eventId): expected after a transport-error resend or a rerun
 * @param rejected        events it refused (a bug): the first {@link SendStats#KEPT_REJECTIONS} are in rejections
 * @param retries         requests repeated after 429/503, another 5xx or a transport error
 * @param transportErrors requests that failed in transport (the batch was resent)
 * @param requests        HTTP requests made
 * @param latencyMillis   p50, p95, p99 and max of the request latency
 */
public record SendReport(long events, long accepted, long duplicates, long rejected, long retries, long transportErrors,
        long requests, double seconds, double eventsPerSecond, long[] latencyMillis, List<Rejection> rejections) {

    public SendReport {
        rejections = List.copyOf(rejections);
    }

    public static SendReport empty() {
        return new SendReport(0, 0, 0, 0, 0, 0, 0, 0, 0, new long[4], List.of());
    }

    /** This and another send, e.g. the main traffic and the follow-up. Latencies are the larger of both. */
    public SendReport plus(SendReport o) {
        List<Rejection> all = new ArrayList<>(rejections);
        all.addAll(o.rejections);
        long[] latency = new long[4];
        for (int i = 0; i < 4; i++) {
            latency[i] = Math.max(latencyMillis[i], o.latencyMillis[i]);
        }
        double secs = seconds + o.seconds;
        return new SendReport(events + o.events, accepted + o.accepted, duplicates + o.duplicates, rejected + o.rejected,
                retries + o.retries, transportErrors + o.transportErrors, requests + o.requests, secs,
                secs > 0 ? (events + o.events) / secs : 0, latency, all);
    }

    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%,d events in %.1f s (%,.0f events/s): %,d accepted, %,d duplicates, %,d rejected; %,d requests, %,d retries "
                        + "(%,d transport errors); latency p50 %d ms, p99 %d ms, max %d ms",
                events, seconds, eventsPerSecond, accepted, duplicates, rejected, requests, retries, transportErrors, latencyMillis[0],
                latencyMillis[2], latencyMillis[3]);
    }
}
