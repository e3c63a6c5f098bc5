package dev.integrity.bench.kafka;

/** Kafka did not do what a command or the benchmark asked; the message is the one line to print. */
public final class KafkaFailure extends RuntimeException {

    public KafkaFailure(String message) {
        super(message);
    }

    public KafkaFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
