package dev.integrity.notify.template;

import dev.integrity.contract.enforcement.EnforcementAction;
import java.util.ArrayList;
import java.util.List;

import dev.integrity.notify.model.EnforcementDetails;
import dev.integrity.notify.model.NotificationSnapshot;

/**
 * The parameters a message template sees as {@code m}: what the enforcement did, what it removed
 * (or a reversal restored) and through which apps. Language lives in the templates; this only shapes
 * the data (e.g. the non-zero counts, in a fixed order, for a list).
 */
public record MessageParams(EnforcementDetails enforcement) {

    public static MessageParams of(NotificationSnapshot message) {
        return new MessageParams(message.details());
    }

    /** Read by the templates as {@code m.strike}, like {@link #apps()} as {@code m.apps}. */
    public int strike() {
        return enforcement.strike();
    }

    public List<String> apps() {
        return enforcement.apps();
    }

    /** The kinds of engagement with a non-zero count: follows, likes, comments, in that order. */
    public List<RemovedCount> removed() {
        List<RemovedCount> removed = new ArrayList<>(3);
        if (enforcement.followsRemoved() > 0) {
            removed.add(new RemovedCount(RemovedCount.Kind.FOLLOWS, enforcement.followsRemoved()));
        }
        if (enforcement.likesRemoved() > 0) {
            removed.add(new RemovedCount(RemovedCount.Kind.LIKES, enforcement.likesRemoved()));
        }
        if (enforcement.commentsRemoved() > 0) {
            removed.add(new RemovedCount(RemovedCount.Kind.COMMENTS, enforcement.commentsRemoved()));
        }
        return removed;
    }

    public long totalRemoved() {
        return enforcement.followsRemoved() + enforcement.likesRemoved() + enforcement.commentsRemoved();
    }

    /** The enforcement blocked the account (for a reversal: the block is what was withdrawn). */
    public boolean blocked() {
        return EnforcementAction.BLOCK.name().equals(enforcement.action());
    }

    /** The enforcement removed engagement and warned the account (neither holds when its action is not known). */
    public boolean warned() {
        return EnforcementAction.REMOVE_AND_WARN.name().equals(enforcement.action());
    }

    /** The enforcement was a final warning: the next one blocks the account. */
    public boolean finalWarning() {
        return warned() && enforcement.strike() >= EnforcementAction.FINAL_WARNING_STRIKE;
    }
}
