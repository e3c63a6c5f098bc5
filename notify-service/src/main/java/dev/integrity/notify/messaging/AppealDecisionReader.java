package dev.integrity.notify.messaging;

import java.util.ArrayList;
import java.util.List;

import dev.integrity.contract.review.AppealDecision;
import dev.integrity.contract.review.AppealStatus;
import dev.integrity.kafka.RecordReader;
import dev.integrity.kafka.UnusableRecordException;
import dev.integrity.notify.model.EnforcementDetails;
import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.Transition;

/**
 * Reads an {@code appeal.decisions} record into the message it calls for: a DENIED decision gives
 * APPEAL_DENIED; a GRANTED one gives none here (granting reverts the enforcement, and the revert's
 * outcome gives ENFORCEMENT_REVERSED). The moderator's note is internal and is not read into the
 * message. The enforcement's details (action, what was removed, apps) are not in the decision:
 * the message takes them from the enforcement's APPLIED message when it is stored.
 */
public final class AppealDecisionReader {

    private AppealDecisionReader() {
    }

    /** @return the message, or null when the decision calls for none (GRANTED) */
    public static NewNotification read(byte[] value) throws UnusableRecordException {
        return toNotification(RecordReader.json(value, AppealDecision.class, "appeal decision"));
    }

    static NewNotification toNotification(AppealDecision decision) throws UnusableRecordException {
        if (decision.status() == null || decision.status() == AppealStatus.OPEN) {
            throw new UnusableRecordException("invalid appeal decision: status: required, GRANTED or DENIED");
        }
        NotificationKind kind = NotificationKind.ofAppeal(decision.status());
        if (kind == null) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        RecordIds.checkId("appealId", decision.appealId(), problems);
        RecordIds.checkId("enforcementId", decision.enforcementId(), problems);
        RecordIds.checkAccountId(decision.accountId(), problems);
        if (decision.decidedAt() == null) {
            problems.add("decidedAt: required");
        }
        if (!problems.isEmpty()) {
            throw new UnusableRecordException("invalid appeal decision: " + String.join("; ", problems));
        }
        return new NewNotification(decision.accountId(), decision.enforcementId(), Transition.APPEAL_DENIED, kind,
                new EnforcementDetails(OutcomeReader.UNKNOWN_ACTION, 0, 0, 0, 0, List.of()), decision.decidedAt());
    }
}
