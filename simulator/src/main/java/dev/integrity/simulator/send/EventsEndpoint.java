package dev.integrity.simulator.send;

import java.io.IOException;
import java.time.Duration;

/** {@code POST /api/v1/events}: takes a JSON array of events. An interface so that tests can play the gateway. */
public interface EventsEndpoint {

    /**
     * @param retryAfter the Retry-After header as a duration, or null
     */
    record Answer(int status, String body, Duration retryAfter) {
    }

    /** @throws IOException on a transport error: the batch may or may not have arrived */
    Answer post(byte[] jsonArray) throws IOException, InterruptedException;

    /** Where the events go, for messages. */
    String describe();
}
