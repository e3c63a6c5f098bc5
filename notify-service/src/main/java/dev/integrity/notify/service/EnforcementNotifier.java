package dev.integrity.notify.service;

import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.model.NotificationSnapshot;
import io.smallrye.mutiny.Uni;

/**
 * Turns one enforcement transition into its one message: skips a transition that already has its
 * message, asks the per-account cap, stores the message, then pushes it to open streams on every
 * replica. Replaying the same transition is always safe.
 */
@ApplicationScoped
public class EnforcementNotifier {

    private static final Logger LOG = Logger.getLogger(EnforcementNotifier.class);

    @Inject
    NotificationWriter writer;
    @Inject
    MessageCap cap;
    @Inject
    LivePublisher live;
    @Inject
    NotificationMetrics metrics;

    /** Must be called on a Vert.x (duplicated) context, as a Kafka consumer method is. */
    public Uni<Void> handle(NewNotification message) {
        Executor sameContext = OnContext.current();
        return writer.exists(message).chain(exists -> {
            if (exists) {
                metrics.duplicate();
                LOG.debugf("duplicate outcome ignored: enforcement=%s transition=%s", message.enforcementId(), message.transition());
                return Uni.createFrom().voidItem();
            }
            return cap.admit(message)
                    .emitOn(sameContext) // back on the consumer's context before the next database session
                    .chain(admitted -> writer.create(message, !admitted))
                    .chain(created -> created == null ? duplicate(message) : report(created));
        });
    }

    private Uni<Void> duplicate(NewNotification message) {
        metrics.duplicate();
        LOG.debugf("concurrent duplicate outcome ignored: enforcement=%s transition=%s", message.enforcementId(), message.transition());
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> report(CreatedNotification created) {
        NotificationSnapshot message = created.message();
        if (message.suppressedAt() != null) {
            metrics.suppressed(message.kind());
            LOG.infof("notification suppressed by the per-account cap: id=%s kind=%s account=%s enforcement=%s",
                    message.id(), message.kind(), message.accountId(), message.enforcementId());
        } else {
            metrics.created(message.kind());
            LOG.infof("notification created: id=%s kind=%s account=%s enforcement=%s strike=%d apps=%s",
                    message.id(), message.kind(), message.accountId(), message.enforcementId(), message.details().strike(),
                    message.details().apps());
        }
        for (NotificationSnapshot earlier : created.rescinded()) {
            metrics.rescinded(earlier.kind());
            LOG.infof("notification rescinded: id=%s kind=%s account=%s enforcement=%s",
                    earlier.id(), earlier.kind(), earlier.accountId(), earlier.enforcementId());
        }
        for (NotificationSnapshot warning : created.resolved()) {
            metrics.resolved(warning.kind());
            LOG.infof("notification resolved on arrival: id=%s kind=%s account=%s enforcement=%s",
                    warning.id(), warning.kind(), warning.accountId(), warning.enforcementId());
        }
        return message.isDeliverable() ? live.publish(message) : Uni.createFrom().voidItem();
    }
}
