package dev.integrity.simulator.model;

import java.util.List;

/**
 * Genuine accounts that all turn to the same few accounts around one moment: the shape of a
 * lockstep group without the coordination. The traffic generator decides when the moment is.
 *
 * @param targets the accounts the crowd turns to, in the order its members go through them
 * @param members account indices of the crowd
 */
public record Crowd(String id, Kind kind, List<Integer> targets, List<Integer> members) {

    public enum Kind {
        /** Someone went viral: fans follow that one account and like its posts within minutes. */
        FLASH,
        /** A band played on TV: part of the crowd follows its 4-5 members within minutes. */
        BAND,
        /** A loop giveaway: to enter, follow the host and every sponsor, and like the giveaway post. */
        GIVEAWAY
    }

    public Crowd {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException(id + " turns to nobody");
        }
        targets = List.copyOf(targets);
        members = List.copyOf(members);
    }

    /** The account the moment is about: the famous one, the band's lead, the giveaway's host. */
    public int focus() {
        return targets.getFirst();
    }
}
