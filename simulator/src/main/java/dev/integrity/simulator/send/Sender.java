package dev.integrity.simulator.send;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends events to {@code POST /api/v1/events} in JSON-array batches: rate-controlled, a few
 * requests in flight, 429 and 503 retried after Retry-After. A batch the gateway answered is never
 * sent again; only a transport error (no answer) makes it go again, which is safe because the API
 * is idempotent by eventId (the repeats come back as duplicates). A 413 splits the batch in two.
 * Rejected events are counted and kept: each one is a bug.
 */
public final class Sender {

    private static final int OTHER_5XX_ATTEMPTS = 5;
    private static final int TRANSPORT_ATTEMPTS = 6;

    private final EventsEndpoint endpoint;
    private final SenderOptions options;
    private final Sleeper sleeper;

    public Sender(EventsEndpoint endpoint, SenderOptions options) {
        this(endpoint, options, Sleeper.REAL);
    }

    public Sender(EventsEndpoint endpoint, SenderOptions options, Sleeper sleeper) {
        this.endpoint = endpoint;
        this.options = options;
        this.sleeper = sleeper;
    }

    /** Sends a few events at once, e.g. a follow-up burst, without progress output. */
    public SendReport send(List<AccountEvent> events) {
        return send(events.iterator(), Progress.none());
    }

    /**
     * Sends everything the iterator gives, reading it as it goes.
     *
     * @throws SendFailedException if the gateway refuses the token, the endpoint is wrong, or retries run out
     */
    public SendReport send(Iterator<AccountEvent> events, Progress progress) {
        SendStats stats = new SendStats();
        RateLimiter limiter = new RateLimiter(options.ratePerSecond(), sleeper);
        AtomicReference<String> failure = new AtomicReference<>();
        Semaphore slots = new Semaphore(options.concurrency());
        try (ExecutorService workers = Executors.newFixedThreadPool(options.concurrency(), r -> {
            Thread t = new Thread(r, "sender");
            t.setDaemon(true);
            return t;
        })) {
            while (events.hasNext() && failure.get() == null) {
                List<AccountEvent> batch = new ArrayList<>(Math.min(options.batchSize(), 1024));
                while (batch.size() < options.batchSize() && events.hasNext()) {
                    batch.add(events.next());
                }
                stats.events.addAndGet(batch.size());
                limiter.acquire(batch.size());
                slots.acquire();
                workers.execute(() -> {
                    try {
                        if (failure.get() == null) {
                            deliver(batch, stats, progress);
                        }
                    } catch (SendAbort e) {
                        failure.compareAndSet(null, e.getMessage());
                    } catch (InterruptedException e) {
                        failure.compareAndSet(null, "interrupted");
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, "unexpected error: " + e);
                    } finally {
                        slots.release();
                    }
                });
            }
            slots.acquire(options.concurrency());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, "interrupted");
        } finally {
            progress.close();
        }
        SendReport report = stats.report();
        if (failure.get() != null) {
            throw new SendFailedException(failure.get(), report);
        }
        return report;
    }

    private void deliver(List<AccountEvent> batch, SendStats stats, Progress progress) throws InterruptedException, SendAbort {
        byte[] body = json(batch);
        for (int attempt = 1; ; attempt++) {
            EventsEndpoint.Answer answer;
            long start = System.nanoTime();
            try {
                stats.requests.incrementAndGet();
                answer = endpoint.post(body);
            } catch (IOException e) {
                stats.transportErrors.incrementAndGet();
                String why = e instanceof java.net.ConnectException
                        ? "cannot connect to " + endpoint.describe() + " (is the suite up? ./suite up)"
                        : "transport error: " + e;
                retryOrAbort(stats, attempt, Math.min(TRANSPORT_ATTEMPTS, options.maxAttempts()), null, why);
                continue; // the batch may have arrived: sending it again is safe (idempotent by eventId)
            } finally {
                stats.latency((System.nanoTime() - start) / 1_000_000);
            }
            int status = answer.status();
            if (status == 200 || status == 202) {
                accepted(batch, answer.body(), stats);
                break;
            }
            if (status == 400) {
                Map<Integer, List<String>> errors = IngestAnswers.problemErrors(answer.body());
                if (errors.isEmpty()) {
                    throw new SendAbort("the gateway refused a batch of " + batch.size() + " events (400): "
                            + IngestAnswers.detail(answer.body()));
                }
                // "no valid event": every event of the batch was refused
                for (int i = 0; i < batch.size(); i++) {
                    List<String> why = errors.getOrDefault(i, List.of("rejected with its batch: " + IngestAnswers.detail(answer.body())));
                    stats.reject(rejection(batch.get(i), why));
                }
                stats.done.addAndGet(batch.size());
                break;
            }
            if (status == 413 && batch.size() > 1) {
                int half = batch.size() / 2;
                deliver(new ArrayList<>(batch.subList(0, half)), stats, progress);
                deliver(new ArrayList<>(batch.subList(half, batch.size())), stats, progress);
                return;
            }
            if (status == 429 || status == 503) {
                retryOrAbort(stats, attempt, options.maxAttempts(), answer.retryAfter(),
                        "HTTP " + status + ": " + IngestAnswers.detail(answer.body()));
                continue;
            }
            if (status >= 500) { // e.g. a proxy's 502: worth a few more tries, safe since ingest is idempotent
                retryOrAbort(stats, attempt, Math.min(OTHER_5XX_ATTEMPTS, options.maxAttempts()), answer.retryAfter(),
                        "HTTP " + status + ": " + IngestAnswers.detail(answer.body()));
                continue;
            }
            throw new SendAbort(fatal(status, answer.body()));
        }
        progress.advance(batch.size(), stats);
    }

    private void accepted(List<AccountEvent> batch, String body, SendStats stats) throws SendAbort {
        IngestAnswers.Accepted a;
        try {
            a = IngestAnswers.accepted(body);
        } catch (IOException e) {
            throw new SendAbort("unreadable answer from " + endpoint.describe() + ": " + e.getMessage());
        }
        stats.accepted.addAndGet(a.accepted());
        stats.duplicates.addAndGet(a.duplicates());
        a.rejected().forEach((index, errors) -> stats.reject(index >= 0 && index < batch.size() ? rejection(batch.get(index), errors)
                : new Rejection("?", "?", "?", errors, "(index " + index + " of a batch of " + batch.size() + ")")));
        stats.done.addAndGet(batch.size());
    }

    private void retryOrAbort(SendStats stats, int attempt, int maxAttempts, Duration retryAfter, String why)
            throws InterruptedException, SendAbort {
        if (attempt >= maxAttempts) {
            throw new SendAbort("gave up on a batch after " + attempt + " attempts; last: " + why);
        }
        stats.retries.incrementAndGet();
        sleeper.sleep(retryAfter != null ? retryAfter : backoff(attempt));
    }

    private Duration backoff(int attempt) {
        long millis = Math.min(options.maxBackoff().toMillis(), 250L << Math.min(attempt, 16));
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private String fatal(int status, String body) {
        String detail = IngestAnswers.detail(body);
        return switch (status) {
            case 401 -> "the gateway did not accept the ingest token (401 Unauthorized: " + detail + "); pass --token or set INGEST_TOKEN";
            case 403 -> "the token is not allowed to send events (403 Forbidden: " + detail + "); it needs the ingest role";
            case 404 -> "no events endpoint at " + endpoint.describe() + " (404); check --gateway";
            case 413 -> "the gateway refused a single event as too large (413): " + detail;
            case 415 -> "the gateway refused the media type (415): " + detail;
            default -> "the gateway answered " + status + " to a batch: " + detail;
        };
    }

    private static Rejection rejection(AccountEvent event, List<String> errors) {
        return new Rejection(event.eventId(), String.valueOf(event.type()), event.accountId(), errors, EventJson.toJson(event));
    }

    private static byte[] json(List<AccountEvent> batch) {
        try {
            return EventJson.mapper().writeValueAsBytes(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a batch", e);
        }
    }

    /** Ends the whole send. */
    private static final class SendAbort extends Exception {
        SendAbort(String message) {
            super(message);
        }
    }
}
