package dev.integrity.kafka;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * A Kafka service's {@link DeadLetter}, on its {@code account-events-dlq} and {@code enforcement-dlq}
 * channels, naming the service by its application name and counting each dead letter as
 * {@code <service>.dead.letters{topic}} (the name without {@code -service}: {@code ingest.dead.letters}, ...).
 * <p>
 * Only a service whose configuration sends dead letters to {@code enforcement.dlq} gets this bean (decided
 * at build time): the gateway, which reads no topics and has no dead-letter channels, must not ask for
 * their emitters.
 */
@Singleton
@IfBuildProperty(name = "mp.messaging.outgoing.enforcement-dlq.topic", stringValue = "enforcement.dlq")
public class DeadLetterChannels {

    @Produces
    @Singleton
    DeadLetter deadLetter(@Channel("account-events-dlq") MutinyEmitter<byte[]> accountEvents,
            @Channel("enforcement-dlq") MutinyEmitter<byte[]> enforcement, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        String meter = service.replaceFirst("-service$", "") + ".dead.letters";
        return new DeadLetter(service, accountEvents, enforcement, topic -> registry.counter(meter, "topic", topic).increment());
    }
}
