package dev.integrity.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrity.contract.AccountEvent;
import dev.integrity.simulator.send.EventsEndpoint;
import dev.integrity.simulator.send.Progress;
import dev.integrity.simulator.send.SendFailedException;
import dev.integrity.simulator.send.SendReport;
import dev.integrity.simulator.send.Sender;
import dev.integrity.simulator.send.SenderOptions;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MeasuredEndpointTest {

    private static EventsEndpoint answering(String name, List<String> calls, int status) {
        return new EventsEndpoint() {
            @Override
            public Answer post(byte[] body) throws IOException {
                synchronized (calls) {
                    calls.add(name);
                }
                if (status < 0) {
                    throw new IOException("connection reset");
                }
                return new Answer(status, status == 202 ? "{\"accepted\":1,\"duplicates\":0,\"rejected\":[]}" : "{}", Duration.ZERO);
            }

            @Override
            public String describe() {
                return "http://gw/api/v1/events";
            }
        };
    }

    @Test
    void requestsTakeTurnsAndAnswersAreCountedAndTimed() throws Exception {
        List<String> calls = new ArrayList<>();
        AtomicLong now = new AtomicLong(0);
        MeasuredEndpoint e = new MeasuredEndpoint(List.of(answering("a", calls, 202), answering("b", calls, 202), answering("c", calls, 429)),
                Long.MAX_VALUE, () -> now.addAndGet(5_000_000)); // every reading of the clock is 5 ms later
        for (int i = 0; i < 6; i++) {
            e.post(new byte[0]);
        }
        assertEquals(List.of("a", "b", "c", "a", "b", "c"), calls);
        assertEquals(Map.of("202", 4L, "429", 2L), e.answers());
        assertEquals(2, e.answered(429));
        BenchReport.Latency l = e.latency("send → 202");
        assertEquals(4, l.count(), "only 202s are timed");
        assertEquals(5.0, l.p50(), 0.01);
        assertEquals("http://gw/api/v1/events (3 tokens)", e.describe());

        MeasuredEndpoint broken = new MeasuredEndpoint(List.of(answering("x", calls, -1)), Long.MAX_VALUE, System::nanoTime);
        assertThrows(IOException.class, () -> broken.post(new byte[0]));
        assertEquals(Map.of(MeasuredEndpoint.TRANSPORT_ERROR, 1L), broken.answers());
        assertEquals(0, broken.latency("x").count());
    }

    @Test
    void pastTheHardDeadlineTheSenderStopsWithWhatItHas() {
        List<String> calls = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofMillis(300).toNanos();
        MeasuredEndpoint e = new MeasuredEndpoint(List.of(answering("a", calls, 202)), deadline, System::nanoTime);
        assertFalse(e.pastDeadline());
        Sender sender = new Sender(e, new SenderOptions(10, 100, 1, 30, Duration.ofSeconds(1))); // 100 events/s: 10 batches a second
        Iterator<AccountEvent> endless = new BenchEvents(1, 20, 1, Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC));
        SendFailedException stopped = assertThrows(SendFailedException.class, () -> sender.send(endless, Progress.none()));
        assertTrue(e.pastDeadline());
        SendReport partial = stopped.partial();
        assertTrue(partial.events() >= 10 && partial.events() < 200, partial.summary());
        assertEquals(e.answered(202), partial.requests() - 1, "the request refused at the deadline never went out");
    }

    @Test
    void theBenchStreamIsTheSimulatorsTrafficAndCanBeBounded() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
        BenchEvents a = new BenchEvents(7, 30, 0.5, clock);
        BenchEvents b = new BenchEvents(7, 30, 0.5, clock);
        for (int i = 0; i < 500; i++) {
            assertEquals(a.next(), b.next(), "the same seed and clock give the same events");
        }
        // a tiny window runs out quickly: the next population follows, with new ids
        BenchEvents small = new BenchEvents(7, 10, 0.01, clock);
        List<String> ids = new ArrayList<>();
        BenchEvents.limit(small, 200).forEachRemaining(ev -> ids.add(ev.eventId()));
        assertEquals(200, ids.size());
        assertTrue(small.extraPopulations() > 0);
        assertTrue(ids.contains("sim-8-1"), "the second population's ids start again from 1 under seed + 1");
        assertEquals(ids.size(), ids.stream().distinct().count());

        AtomicLong now = new AtomicLong();
        Iterator<AccountEvent> until = BenchEvents.until(new BenchEvents(7, 30, 0.5, clock), 3, now::incrementAndGet);
        int n = 0;
        while (until.hasNext()) {
            until.next();
            n++;
        }
        assertEquals(2, n, "the clock is read by hasNext() only: 1 and 2 let an event through each, 3 ends the stream");
    }
}
