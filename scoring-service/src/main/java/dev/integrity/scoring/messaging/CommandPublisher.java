package dev.integrity.scoring.messaging;

import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.integrity.contract.enforcement.EnforcementCommand;
import dev.integrity.kafka.CloudEvents;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Sends enforcement commands to the ledger: IMPACT on enforcement.proposed, APPLY / REVERT on enforcement.decided. */
@ApplicationScoped
public class CommandPublisher {

    @Inject
    @Channel("enforcement-proposed")
    MutinyEmitter<byte[]> proposed;
    @Inject
    @Channel("enforcement-decided")
    MutinyEmitter<byte[]> decided;

    /** Sends the command in the current trace (a request's, or the consumed report's). */
    public Uni<Void> send(EnforcementCommand command) {
        return send(command, Context.current());
    }

    /** Sends the command in the given trace (the decider's batch holds many: the one of the command's account). */
    public Uni<Void> send(EnforcementCommand command, Context trace) {
        MutinyEmitter<byte[]> emitter = command.kind() == EnforcementCommand.Kind.IMPACT ? proposed : decided;
        return CloudEvents.send(emitter, command.scope().accountId(), command,
                CloudEvents.headers(command.enforcementId() + ":" + command.kind(), "dev.integrity.enforcement.command." + command.kind(),
                        "/scoring-service"),
                trace == null ? Context.current() : trace);
    }
}
