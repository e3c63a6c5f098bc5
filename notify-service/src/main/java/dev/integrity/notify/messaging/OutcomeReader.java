package dev.integrity.notify.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementOutcome;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.kafka.RecordReader;
import dev.integrity.kafka.UnusableRecordException;
import dev.integrity.notify.model.EnforcementDetails;
import dev.integrity.notify.model.NewNotification;
import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.Transition;

/** Reads an {@code enforcement.applied} record into the message it calls for, or says why it cannot be used. */
public final class OutcomeReader {

    /**
     * Stored for a reversal whose action is missing or unknown (a reversal needs no action to be
     * told), and for a denied appeal whose enforcement's APPLIED message is not here to name it.
     */
    static final String UNKNOWN_ACTION = "UNKNOWN";

    private OutcomeReader() {
    }

    public static NewNotification read(byte[] value) throws UnusableRecordException {
        return toNotification(RecordReader.json(value, EnforcementOutcome.class, "enforcement outcome"));
    }

    static NewNotification toNotification(EnforcementOutcome outcome) throws UnusableRecordException {
        List<String> problems = new ArrayList<>();
        RecordIds.checkId("enforcementId", outcome.enforcementId(), problems);
        RecordIds.checkAccountId(outcome.accountId(), problems);
        if (outcome.status() == null) {
            problems.add("status: required, APPLIED or REVERTED");
        }
        if (outcome.at() == null) {
            problems.add("at: required");
        }
        EnforcementAction action = action(outcome, problems);
        Removed removed = outcome.removed() == null ? Removed.NONE : outcome.removed();
        if (removed.follows() < 0 || removed.likes() < 0 || removed.comments() < 0) {
            problems.add("removed: counts must not be negative");
        }
        List<String> apps = apps(outcome.apps(), problems);
        if (!problems.isEmpty()) {
            throw new UnusableRecordException("invalid enforcement outcome: " + String.join("; ", problems));
        }
        NotificationKind kind = NotificationKind.of(outcome.status(), action, outcome.strike());
        EnforcementDetails details = new EnforcementDetails(action == null ? UNKNOWN_ACTION : action.name(),
                Math.max(outcome.strike(), 0), removed.follows(), removed.likes(), removed.comments(), apps);
        return new NewNotification(outcome.accountId(), outcome.enforcementId(), Transition.of(outcome.status()), kind,
                details, outcome.at());
    }

    /** The outcome's action; a reversal may lack one (null), an application may not. */
    private static EnforcementAction action(EnforcementOutcome outcome, List<String> problems) {
        if (outcome.action() != null || outcome.status() == EnforcementOutcome.Status.REVERTED) {
            return outcome.action();
        }
        problems.add("action: required, REMOVE_AND_WARN or BLOCK");
        return null;
    }

    /** The apps named, blank-free, each once, in the order given. */
    private static List<String> apps(List<String> apps, List<String> problems) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String app : apps) {
            if (!RecordIds.isId(app)) {
                problems.add("apps: each app id must be " + RecordIds.ID_RULE);
                return List.of();
            }
            distinct.add(app);
        }
        return List.copyOf(distinct);
    }
}
