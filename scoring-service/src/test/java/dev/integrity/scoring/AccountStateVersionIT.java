package dev.integrity.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.scoring.model.AccountState;
import dev.integrity.scoring.repository.AccountStateRepository;
import dev.integrity.scoring.repository.StaleStateException;
import io.quarkus.test.junit.QuarkusTest;

/** Two writers that read the same account state: the second write is refused, not lost over the first. */
@QuarkusTest
class AccountStateVersionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    AccountStateRepository states;

    @Test
    void aWriteDerivedFromAnOlderReadIsRefusedAndTheFirstWriteStands() {
        String id = "v" + UUID.randomUUID().toString().substring(0, 8);
        states.saveAll(List.of(AccountState.clean(id))).await().atMost(WAIT);
        AccountState read = states.find(id).await().atMost(WAIT);
        assertEquals(1, read.version());

        AccountState warned = read.withScore(AccountStatus.WARNED, 0.9, "m1", List.of("warned by the outcome"));
        AccountState scored = read.withScore(AccountStatus.SUSPECT, 0.7, "m1", List.of("scored by a batch"));
        states.saveAll(List.of(warned)).await().atMost(WAIT);
        Throwable refused = assertThrows(RuntimeException.class, () -> states.saveAll(List.of(scored)).await().atMost(WAIT));
        assertInstanceOf(StaleStateException.class, refused);

        AccountState stored = states.find(id).await().atMost(WAIT);
        assertEquals(AccountStatus.WARNED, stored.status());
        assertEquals(2, stored.version());
    }

    @Test
    void twoFirstWritesOfANewAccountCannotBothLand() {
        String id = "v" + UUID.randomUUID().toString().substring(0, 8);
        states.saveAll(List.of(AccountState.clean(id).withScore(AccountStatus.SUSPECT, 0.8, "m1", List.of("first")))).await().atMost(WAIT);
        assertThrows(StaleStateException.class,
                () -> states.saveAll(List.of(AccountState.clean(id).withScore(AccountStatus.CLEAN, 0.1, "m1", List.of("second"))))
                        .await().atMost(WAIT));
        assertEquals(AccountStatus.SUSPECT, states.find(id).await().atMost(WAIT).status());
    }
}
