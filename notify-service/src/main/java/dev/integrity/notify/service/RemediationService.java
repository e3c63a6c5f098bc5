package dev.integrity.notify.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.integrity.notify.model.Notification;
import dev.integrity.notify.model.NotificationSnapshot;
import dev.integrity.notify.model.RemediationEvent;
import dev.integrity.notify.repository.AccountLock;
import dev.integrity.notify.repository.RemediationStepRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Records what an account did to secure itself and resolves the warnings that asked for it. */
@ApplicationScoped
public class RemediationService {

    @Inject
    RemediationStepRepository steps;
    @Inject
    AccountLock accountLock;
    @Inject
    WarningResolver resolver;

    /** @return the warnings this step resolved (none for a replayed or older step) */
    @WithTransaction
    public Uni<List<NotificationSnapshot>> record(RemediationEvent event) {
        return accountLock.lock(event.accountId()).chain(now -> steps.record(event)
                .chain(changed -> changed
                        ? resolver.resolveOpenWarnings(event.accountId(), now)
                        : Uni.createFrom().item(List.<Notification> of())))
                .map(resolved -> resolved.stream().map(Notification::snapshot).toList());
    }
}
