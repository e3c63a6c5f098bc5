package dev.integrity.notify.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.integrity.notify.model.Notification;
import dev.integrity.notify.repository.NotificationRepository;
import dev.integrity.notify.repository.RemediationStepRepository;
import io.smallrye.mutiny.Uni;

/**
 * Marks an account's open warnings resolved once the account did everything they asked. Runs
 * inside the caller's transaction, which holds the account's lock: it is called both when a
 * remediation step arrives and when a warning is created (the steps may have come first).
 */
@ApplicationScoped
public class WarningResolver {

    @Inject
    NotificationRepository notifications;
    @Inject
    RemediationStepRepository steps;

    /** @return the warnings this call resolved */
    public Uni<List<Notification>> resolveOpenWarnings(String accountId, Instant now) {
        return notifications.unresolved(accountId).chain(unresolved -> {
            List<Notification> open = unresolved.stream().filter(Notification::isOpenWarning).toList();
            if (open.isEmpty()) {
                return Uni.createFrom().item(List.<Notification> of());
            }
            return steps.ofAccount(accountId).map(done -> {
                List<Notification> resolved = new ArrayList<>();
                for (Notification warning : open) {
                    if (ResolutionRule.isResolved(warning.enforcedAt, warning.apps, done)) {
                        warning.markResolved(now);
                        resolved.add(warning);
                    }
                }
                return resolved;
            });
        });
    }
}
