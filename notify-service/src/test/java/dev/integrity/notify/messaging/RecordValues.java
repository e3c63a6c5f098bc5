package dev.integrity.notify.messaging;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.integrity.kafka.RecordReader;
import dev.integrity.kafka.UnusableRecordException;

/** What the readers' tests share: a record's value as the consumer gets it, and the check that poison is refused. */
final class RecordValues {

    private RecordValues() {
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Each value is refused as unusable, with a message saying why. */
    static void assertUnusable(RecordReader<?> reader, List<String> poisons) {
        for (String poison : poisons) {
            UnusableRecordException e = assertThrows(UnusableRecordException.class, () -> reader.read(utf8(poison)), poison);
            assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), poison);
        }
    }
}
