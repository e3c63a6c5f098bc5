package dev.integrity.bench.cli;

import dev.integrity.bench.kafka.KafkaConnection;
import picocli.CommandLine.Option;

/** {@code --kafka HOST:PORT}: the Kafka every command here reads. */
final class KafkaOption {

    @Option(names = "--kafka", paramLabel = "HOST:PORT", defaultValue = "${env:KAFKA_BOOTSTRAP:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE})")
    String bootstrap;

    /** The operator commands' connection. */
    KafkaConnection connect(TimeoutOption timeout) {
        return new KafkaConnection(bootstrap, timeout.duration(), "suite-ops");
    }
}
