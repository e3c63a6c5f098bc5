package dev.integrity.notify.template;

import dev.integrity.contract.enforcement.EnforcementAction;
import java.util.ArrayList;
import java.util.List;

import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.NotificationSnapshot;

/**
 * The parameters a message template sees as {@code m}: what the enforcement did, what it removed
 * (or a reversal restored) and through which apps. Language lives in the templates; this only shapes
 * the data (e.g. the non-zero counts, in a fixed order, for a list).
 */
public record MessageParams(String action, int strike, long follows, long likes, long comments, List<String> apps) {

    public MessageParams {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    public static MessageParams of(NotificationSnapshot message) {
        return new MessageParams(message.action(), message.strike(), message.followsRemoved(), message.likesRemoved(),
                message.commentsRemoved(), message.apps());
    }

    /** The kinds of engagement with a non-zero count: follows, likes, comments, in that order. */
    public List<RemovedCount> removed() {
        List<RemovedCount> removed = new ArrayList<>(3);
        if (follows > 0) {
            removed.add(new RemovedCount(RemovedCount.Kind.FOLLOWS, follows));
        }
        if (likes > 0) {
            removed.add(new RemovedCount(RemovedCount.Kind.LIKES, likes));
        }
        if (comments > 0) {
            removed.add(new RemovedCount(RemovedCount.Kind.COMMENTS, comments));
        }
        return removed;
    }

    public long totalRemoved() {
        return follows + likes + comments;
    }

    /** The enforcement blocked the account (for a reversal: the block is what was withdrawn). */
    public boolean blocked() {
        return EnforcementAction.BLOCK.name().equals(action);
    }

    /** The enforcement removed engagement and warned the account (neither holds when its action is not known). */
    public boolean warned() {
        return EnforcementAction.REMOVE_AND_WARN.name().equals(action);
    }

    /** The enforcement was a final warning: the next one blocks the account. */
    public boolean finalWarning() {
        return warned() && strike >= EnforcementAction.FINAL_WARNING_STRIKE;
    }
}
