package dev.integrity.simulator.send;

import java.util.List;

/** An event the gateway rejected: always a bug of the simulator or of the gateway. */
public record Rejection(String eventId, String type, String accountId, List<String> errors, String eventJson) {

    public Rejection {
        errors = List.copyOf(errors);
    }

    public String describe() {
        return "rejected " + eventId + " (" + type + " by " + accountId + "): " + String.join("; ", errors);
    }
}
