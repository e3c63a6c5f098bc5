package dev.integrity.notify.rest;

import static dev.integrity.notify.support.TestData.newAccount;
import static dev.integrity.notify.support.TestData.newEnforcementId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.integrity.contract.EventJson;
import dev.integrity.notify.support.SseStream;
import dev.integrity.notify.support.TestData;
import dev.integrity.notify.support.Topics;
import dev.integrity.support.testing.KafkaTopics;
import dev.integrity.support.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The live stream: a new warning is pushed to an open SSE connection, rendered in its language. */
@QuarkusTest
class NotificationStreamIT {

    private static URI streamOf(String account) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/accounts/" + account + "/notifications/stream");
    }

    @Test
    void anOpenStreamReceivesANewWarningInItsLanguage() throws Exception {
        String account = newAccount();
        String otherAccount = newAccount();
        try (SseStream stream = SseStream.open(streamOf(account), "de", Tokens.user(account))) {
            assertEquals(200, stream.status());
            assertTrue(stream.contentType().startsWith("text/event-stream"), stream.contentType());
            stream.awaitLine(line -> line.startsWith(":") && line.contains("connected"), Duration.ofSeconds(30));

            Instant at = Instant.now().minusSeconds(60);
            KafkaTopics.send(Topics.OUTCOMES, otherAccount,
                    TestData.warning(newEnforcementId(), otherAccount, 1, List.of("elsewhere"), at));
            KafkaTopics.send(Topics.OUTCOMES, account,
                    TestData.warning(newEnforcementId(), account, 1, List.of("followboost"), at));

            stream.awaitLine(line -> line.equals("event: notification") || line.equals("event:notification"), Duration.ofSeconds(90));
            String data = stream.awaitLine(line -> line.startsWith("data:"), Duration.ofSeconds(10));
            Map<String, Object> pushed = EventJson.mapper().readValue(data.substring("data:".length()).strip(),
                    new TypeReference<Map<String, Object>>() {
                    });
            assertEquals("INAUTHENTIC_ACTIVITY_WARNING", pushed.get("kind"));
            assertEquals("de", pushed.get("locale"));
            assertEquals("Wir haben nicht authentische Aktivitäten von Ihrem Konto entfernt", pushed.get("title"));
            assertEquals(List.of("followboost"), pushed.get("apps"), "only the stream's own account's messages arrive");
            assertEquals(List.of("CHANGE_PASSWORD", "REVIEW_CONNECTED_APPS"), pushed.get("actions"));
        }
    }
}
