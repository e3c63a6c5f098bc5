package dev.integrity.notify.template;

/** How many of one kind of engagement an enforcement removed (or restored). */
public record RemovedCount(Kind kind, long count) {

    public enum Kind {
        FOLLOWS, LIKES, COMMENTS
    }
}
