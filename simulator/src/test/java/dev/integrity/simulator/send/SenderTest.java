package dev.integrity.simulator.send;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventJson;
import dev.integrity.contract.EventType;
import dev.integrity.simulator.testing.FakeTime;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SenderTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

    /** Plays the gateway: counts every event id it took, answers with what the script says. */
    static final class FakeGateway implements EventsEndpoint {
        final List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());
        final Set<String> seen = Collections.synchronizedSet(new HashSet<>());
        final Function<List<String>, Answer> script;

        FakeGateway(Function<List<String>, Answer> script) {
            this.script = script;
        }

        @Override
        public Answer post(byte[] jsonArray) throws IOException {
            JsonNode array = EventJson.mapper().readTree(jsonArray);
            List<String> ids = new ArrayList<>();
            array.forEach(e -> ids.add(e.get("eventId").asText()));
            requests.add(ids);
            return script.apply(ids);
        }

        Answer take(List<String> ids) {
            long fresh = ids.stream().filter(seen::add).count();
            return new Answer(202, "{\"accepted\":" + fresh + ",\"duplicates\":" + (ids.size() - fresh) + ",\"rejected\":[]}", null);
        }

        @Override
        public String describe() {
            return "fake";
        }
    }

    static List<AccountEvent> events(int n) {
        List<AccountEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(new AccountEvent("e-" + i, EventType.LOGIN, "acc-" + (i % 7), AT.plusSeconds(i), "official-ios", "203.0.113.9", "d-1",
                    null, null, null, null, null));
        }
        return events;
    }

    @Test
    void sendsEveryEventOnceInBatches() {
        FakeGateway[] holder = new FakeGateway[1];
        holder[0] = new FakeGateway(ids -> holder[0].take(ids));
        FakeGateway g = holder[0];
        FakeGateway gateway = g;
        SendReport report = new Sender(g, SenderOptions.defaults().withBatchSize(100).withConcurrency(3), new FakeTime(AT))
                .send(events(1_050).iterator(), Progress.none());
        assertEquals(11, g.requests.size());
        assertTrue(g.requests.stream().allMatch(r -> r.size() <= 100));
        assertEquals(1_050, gateway.seen.size());
        assertEquals(1_050, report.accepted());
        assertEquals(0, report.duplicates());
        assertEquals(0, report.retries());
        assertEquals(1_050, report.events());
    }

    @Test
    void aRateLimitedBatchWaitsForRetryAfterAndIsNotSentAgainOnceAccepted() {
        AtomicInteger calls = new AtomicInteger();
        FakeGateway[] holder = new FakeGateway[1];
        holder[0] = new FakeGateway(ids -> calls.incrementAndGet() <= 2
                ? new EventsEndpoint.Answer(429, "{\"title\":\"Too Many Requests\"}", Duration.ofSeconds(7))
                : holder[0].take(ids));
        FakeTime time = new FakeTime(AT);
        SendReport report = new Sender(holder[0], SenderOptions.defaults().withBatchSize(10).withConcurrency(1), time)
                .send(events(10).iterator(), Progress.none());
        assertEquals(3, holder[0].requests.size());
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), time.sleeps());
        assertEquals(2, report.retries());
        assertEquals(10, report.accepted());
    }

    @Test
    void aTransportErrorResendsTheBatchAndItsRepeatsComeBackAsDuplicates() {
        FakeGateway[] holder = new FakeGateway[1];
        AtomicInteger calls = new AtomicInteger();
        EventsEndpoint flaky = new EventsEndpoint() {
            @Override
            public Answer post(byte[] body) throws IOException {
                Answer answer = holder[0].post(body); // the gateway got it...
                if (calls.incrementAndGet() == 1) {
                    throw new IOException("connection reset"); // ...but the answer was lost
                }
                return answer;
            }

            @Override
            public String describe() {
                return "flaky";
            }
        };
        holder[0] = new FakeGateway(ids -> holder[0].take(ids));
        SendReport report = new Sender(flaky, SenderOptions.defaults().withBatchSize(5).withConcurrency(1), new FakeTime(AT))
                .send(events(5).iterator(), Progress.none());
        assertEquals(2, holder[0].requests.size());
        assertEquals(holder[0].requests.get(0), holder[0].requests.get(1), "the same batch again");
        assertEquals(1, report.transportErrors());
        assertEquals(1, report.retries());
        assertEquals(0, report.accepted(), "the answer with the accepted count was lost");
        assertEquals(5, report.duplicates());
    }

    @Test
    void rejectedEventsAreCountedWithTheirErrors() {
        FakeGateway g = new FakeGateway(ids -> new EventsEndpoint.Answer(202,
                "{\"accepted\":2,\"duplicates\":0,\"rejected\":[{\"index\":1,\"eventId\":\"" + ids.get(1)
                        + "\",\"errors\":[{\"field\":\"ip\",\"message\":\"must be an IPv4 or IPv6 address literal\"}]}]}", null));
        SendReport report = new Sender(g, SenderOptions.defaults(), new FakeTime(AT)).send(events(3));
        assertEquals(1, report.rejected());
        Rejection r = report.rejections().getFirst();
        assertEquals("e-1", r.eventId());
        assertEquals(List.of("ip: must be an IPv4 or IPv6 address literal"), r.errors());
        assertTrue(r.eventJson().contains("\"eventId\":\"e-1\""));
    }

    @Test
    void aBatchWithoutAnyValidEventIsRejectedAsAWhole() {
        FakeGateway g = new FakeGateway(ids -> new EventsEndpoint.Answer(400,
                "{\"status\":400,\"title\":\"No valid event\",\"errors\":[{\"index\":0,\"eventId\":\"e-0\",\"field\":\"type\",\"message\":\"bad\"},"
                        + "{\"index\":1,\"eventId\":\"e-1\",\"field\":\"type\",\"message\":\"bad\"}]}", null));
        SendReport report = new Sender(g, SenderOptions.defaults(), new FakeTime(AT)).send(events(2));
        assertEquals(2, report.rejected());
        assertEquals(1, g.requests.size(), "not sent again");
    }

    @Test
    void tooLargeBatchesAreSplit() {
        FakeGateway[] holder = new FakeGateway[1];
        holder[0] = new FakeGateway(ids -> ids.size() > 3 ? new EventsEndpoint.Answer(413, "{}", null) : holder[0].take(ids));
        SendReport report = new Sender(holder[0], SenderOptions.defaults().withBatchSize(10).withConcurrency(1), new FakeTime(AT))
                .send(events(10).iterator(), Progress.none());
        assertEquals(10, report.accepted());
        assertEquals(10, holder[0].seen.size());
    }

    @Test
    void aRefusedTokenStopsTheSendWithOneClearMessage() {
        FakeGateway g = new FakeGateway(ids -> new EventsEndpoint.Answer(401, "{\"title\":\"Unauthorized\"}", null));
        SendFailedException e = assertThrows(SendFailedException.class,
                () -> new Sender(g, SenderOptions.defaults().withBatchSize(10), new FakeTime(AT)).send(events(100).iterator(), Progress.none()));
        assertTrue(e.getMessage().contains("ingest token"), e.getMessage());
        assertTrue(g.requests.size() <= SenderOptions.defaults().concurrency() + 1, "stops soon: " + g.requests.size());
    }

    @Test
    void retriesRunOut() {
        FakeGateway g = new FakeGateway(ids -> new EventsEndpoint.Answer(503, "", Duration.ofSeconds(1)));
        SenderOptions options = new SenderOptions(10, 0, 1, 4, Duration.ofSeconds(1));
        SendFailedException e = assertThrows(SendFailedException.class, () -> new Sender(g, options, new FakeTime(AT)).send(events(3)));
        assertTrue(e.getMessage().contains("after 4 attempts"), e.getMessage());
        assertEquals(4, g.requests.size());
    }

    @Test
    void theRateIsKept() throws InterruptedException {
        FakeTime time = new FakeTime(AT);
        RateLimiter limiter = new RateLimiter(1_000, time,
                () -> time.instant().getEpochSecond() * 1_000_000_000L + time.instant().getNano());
        limiter.acquire(2_000);
        limiter.acquire(2_000);
        limiter.acquire(2_000);
        Duration waited = time.sleeps().stream().reduce(Duration.ZERO, Duration::plus);
        // three batches of 2 s each at 1000/s: the third starts about 4 s after the first
        assertEquals(Duration.ofSeconds(4), waited);
    }

    @Test
    void invalidOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SenderOptions.defaults().withBatchSize(10_001));
        assertThrows(IllegalArgumentException.class, () -> SenderOptions.defaults().withRate(-1));
        assertThrows(IllegalArgumentException.class, () -> SenderOptions.defaults().withConcurrency(0));
    }

    @Test
    void retryAfterReadsSecondsAndDates() {
        java.time.Clock clock = java.time.Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), java.time.ZoneOffset.UTC);
        assertEquals(Duration.ofSeconds(12), RetryAfter.parse("12", clock));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Sun, 22 Nov 2026 10:00:30 GMT", clock));
        assertEquals(null, RetryAfter.parse("soon", clock));
        assertEquals(null, RetryAfter.parse(null, clock));
    }
}
