package dev.integrity.bench;

import dev.integrity.simulator.send.EventsEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The gateway's events endpoint as one benchmark phase uses it: requests take turns over several
 * ingest tokens (the rate limit is per token), every answer is counted by status, the time from
 * sending a batch to its 202 goes into an HdrHistogram (microseconds), and after the phase's hard
 * deadline no request goes out any more (the {@link dev.integrity.simulator.send.Sender} then stops
 * with what it has), so a phase ends even if the gateway keeps asking to retry.
 */
final class MeasuredEndpoint implements EventsEndpoint {

    static final String TRANSPORT_ERROR = "transport-error";

    private final List<EventsEndpoint> endpoints;
    private final AtomicInteger turn = new AtomicInteger();
    private final Histogram micros = new ConcurrentHistogram(3_600_000_000L, 3);
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final long hardDeadlineNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean pastDeadline = new AtomicBoolean();

    MeasuredEndpoint(List<EventsEndpoint> endpoints, long hardDeadlineNanos, LongSupplier nanoTime) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("no endpoint");
        }
        this.endpoints = List.copyOf(endpoints);
        this.hardDeadlineNanos = hardDeadlineNanos;
        this.nanoTime = nanoTime;
    }

    @Override
    public Answer post(byte[] jsonArray) throws IOException, InterruptedException {
        if (nanoTime.getAsLong() - hardDeadlineNanos > 0) {
            pastDeadline.set(true);
            throw new IllegalStateException("the phase ran past its hard deadline");
        }
        EventsEndpoint endpoint = endpoints.get(Math.floorMod(turn.getAndIncrement(), endpoints.size()));
        long start = nanoTime.getAsLong();
        Answer answer;
        try {
            answer = endpoint.post(jsonArray);
        } catch (IOException e) {
            count(TRANSPORT_ERROR);
            throw e;
        }
        count(Integer.toString(answer.status()));
        if (answer.status() == 202 || answer.status() == 200) {
            micros.recordValue(Math.max(1, Math.min(3_600_000_000L, (nanoTime.getAsLong() - start) / 1_000)));
        }
        return answer;
    }

    private void count(String status) {
        answers.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    @Override
    public String describe() {
        return endpoints.getFirst().describe() + (endpoints.size() > 1 ? " (" + endpoints.size() + " tokens)" : "");
    }

    /** The hard deadline stopped a request. */
    boolean pastDeadline() {
        return pastDeadline.get();
    }

    Map<String, Long> answers() {
        Map<String, Long> m = new TreeMap<>();
        answers.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    long answered(int status) {
        LongAdder a = answers.get(Integer.toString(status));
        return a == null ? 0 : a.sum();
    }

    /** Send → 202 per batch in ms. */
    BenchReport.Latency latency(String what) {
        return Latencies.of(what, micros.copy(), 1_000.0);
    }
}
