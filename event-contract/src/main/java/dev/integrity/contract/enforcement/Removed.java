package dev.integrity.contract.enforcement;

/** How many follows, likes and comments an enforcement removes (or removed, or restored). */
public record Removed(long follows, long likes, long comments) {

    public static final Removed NONE = new Removed(0, 0, 0);

    public long total() {
        return follows + likes + comments;
    }
}
