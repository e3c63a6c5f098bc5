package dev.integrity.notify.messaging;

import static dev.integrity.notify.support.Inbox.awaitSize;
import static dev.integrity.notify.support.TestData.newAccount;
import static dev.integrity.notify.support.TestData.newEnforcementId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import dev.integrity.notify.support.TestData;
import dev.integrity.notify.support.Topics;
import dev.integrity.support.testing.KafkaTopics;
import io.quarkus.test.junit.QuarkusTest;

/** Poison records go to their dead-letter topic with the error, and the partition keeps flowing. */
@QuarkusTest
class DeadLetterIT {

    @Test
    void aPoisonOutcomeLandsInTheDeadLetterTopicAndTheNextOutcomeIsStillProcessed() {
        String account = newAccount();
        try (KafkaConsumer<String, String> dlq = KafkaTopics.tail(Topics.OUTCOMES_DLQ)) {
            KafkaTopics.send(Topics.OUTCOMES, account,
                    "{this is not json",
                    TestData.warning(newEnforcementId(), account, 1, List.of("followboost"), Instant.now().minusSeconds(60)));

            ConsumerRecord<String, String> dead = KafkaTopics.await(dlq, Duration.ofSeconds(60), r -> account.equals(r.key()));
            assertEquals("{this is not json", dead.value());
            String reason = KafkaTopics.header(dead, "dead-letter-reason");
            assertNotNull(reason);
            assertFalse(reason.isBlank());
            assertEquals("notify-service", KafkaTopics.header(dead, "dead-letter-consumer"));
            assertEquals(Topics.OUTCOMES, KafkaTopics.header(dead, "dead-letter-topic"));
        }
        awaitSize(account, 1);
    }

    @Test
    void anOutcomeBreakingTheContractIsDeadLettered() {
        String account = newAccount();
        String noAction = TestData.applied(newEnforcementId(), account, "LAUGH_AND_POINT", 1, null, List.of(), Instant.now());
        try (KafkaConsumer<String, String> dlq = KafkaTopics.tail(Topics.OUTCOMES_DLQ)) {
            KafkaTopics.send(Topics.OUTCOMES, account, noAction);
            ConsumerRecord<String, String> dead = KafkaTopics.await(dlq, Duration.ofSeconds(60), r -> account.equals(r.key()));
            assertNotNull(KafkaTopics.header(dead, "dead-letter-reason"));
        }
    }

    @Test
    void aPoisonAccountEventLandsInItsDeadLetterTopic() {
        String account = newAccount();
        try (KafkaConsumer<String, String> dlq = KafkaTopics.tail(Topics.EVENTS_DLQ)) {
            KafkaTopics.send(Topics.EVENTS, account, "[not an event");
            ConsumerRecord<String, String> dead = KafkaTopics.await(dlq, Duration.ofSeconds(60),
                    r -> account.equals(r.key()) && "notify-service".equals(KafkaTopics.header(r, "dead-letter-consumer")));
            assertNotNull(KafkaTopics.header(dead, "dead-letter-reason"));
        }
    }
}
