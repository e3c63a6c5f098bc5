package dev.integrity.simulator.api;

import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.ReceiverImpact;
import java.util.List;
import java.util.Optional;

/**
 * The parts of the gateway API the follow-up phase and the evaluation read. An interface so that
 * tests can answer in its place. Implementations are thread-safe.
 *
 * @see HttpSuiteApi
 */
public interface SuiteApi {

    /** {@code GET /accounts/{id}} as moderator; empty on 404. */
    Optional<AccountView> account(String accountId);

    /** {@code GET /enforcements?status=&accountId=} as moderator; null filters are left out. */
    List<EnforcementView> enforcements(EnforcementStatus status, String accountId);

    /** {@code GET /enforcements/{id}/impact} as moderator. */
    List<ReceiverImpact> impact(String enforcementId);

    /** {@code GET /guard} as moderator. */
    GuardView guard();

    /** {@code GET /cases?status=OPEN} as moderator, every page: how many review cases are open, one decision each. */
    int openCases();

    /** {@code GET /accounts/{id}/notifications} as the account's own user, newest first. */
    List<NotificationView> notifications(String accountId);

    /** {@code POST /accounts/{id}/notifications/{nid}/read} as the account's own user. */
    void markRead(String accountId, String notificationId);
}
