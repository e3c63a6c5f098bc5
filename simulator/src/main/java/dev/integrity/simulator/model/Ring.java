package dev.integrity.simulator.model;

import java.util.List;

/** A follow-for-follow ring: members follow each other (and strangers) through an auto-follow app. */
public record Ring(String id, List<Integer> members, String app) {

    public Ring {
        members = List.copyOf(members);
    }
}
