package dev.integrity.ingest.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.integrity.support.testing.Tokens;

/**
 * Account events for the ledger's tests, as JSON: account and target ids carry a per-test prefix (so
 * tests never see each other's accounts), eventIds are numbered, and times count from {@code t0}.
 */
public final class LedgerEvents {

    private final String prefix;
    private final Instant t0;
    private int seq;

    public LedgerEvents(String prefix, Instant t0) {
        this.prefix = prefix;
        this.t0 = t0;
    }

    /** The next event's id. */
    public String nextId() {
        return prefix + "e" + seq;
    }

    /** An event {@code minute} minutes after t0. */
    public String event(String type, String actor, String target, String media, String app, int minute) {
        return event(type, actor, target, media, app, t0.plus(Duration.ofMinutes(minute)));
    }

    public String event(String type, String actor, String target, String media, String app, Instant at) {
        String eventId = prefix + "e" + seq++;
        StringBuilder json = new StringBuilder("{\"eventId\":\"" + eventId + "\",\"type\":\"" + type + "\",\"accountId\":\"" + prefix + actor
                + "\",\"occurredAt\":\"" + at + "\"");
        if (app != null) json.append(",\"clientAppId\":\"").append(app).append('"');
        if (target != null) json.append(",\"targetAccountId\":\"").append(prefix).append(target).append('"');
        if (media != null) json.append(",\"mediaId\":\"").append(prefix).append(media).append('"');
        if (type.equals("COMMENT")) json.append(",\"text\":\"so good\"");
        return json.append('}').toString();
    }

    /** Sends the events to ingest's POST /events as one array; every one must be accepted. */
    public static void post(List<String> events) {
        given().auth().oauth2(Tokens.ingest()).contentType("application/json").body("[" + String.join(",", events) + "]")
                .when().post("/events").then().statusCode(202).body("accepted", equalTo(events.size()));
    }
}
