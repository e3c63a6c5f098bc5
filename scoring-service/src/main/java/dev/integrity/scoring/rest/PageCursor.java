package dev.integrity.scoring.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;

/**
 * A place in a list ordered by (creation time, id), handed out as an opaque, URL-safe token. The same
 * token always names the same place, so paging is repeatable. Hand-written: the JDK's Base64 is all it
 * needs, and the format is this service's own.
 */
public record PageCursor(Instant createdAt, String id) {

    private static final int MAX_LENGTH = 256;

    public String encode() {
        String plain = createdAt.getEpochSecond() + "." + createdAt.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The answer for one page of a list read with one row more than {@code limit}: the first
     * {@code limit} rows shown, and a Next-Cursor header naming the last of them while more remain.
     */
    public static <T, V> Response page(List<T> rows, int limit, Function<T, V> view, Function<T, PageCursor> place) {
        List<T> shown = rows.size() > limit ? rows.subList(0, limit) : rows;
        Response.ResponseBuilder ok = Response.ok(shown.stream().map(view).toList());
        if (rows.size() > limit) {
            ok.header(NEXT_CURSOR, place.apply(shown.getLast()).encode());
        }
        return ok.build();
    }

    /** The header that carries the cursor of a list's next page, from which the gateway builds its Link header. */
    public static final String NEXT_CURSOR = "Next-Cursor";

    /** The place a token names; null for no token (the start). A token this service did not give out is a 400 naming {@code after}. */
    public static PageCursor decode(String token) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            if (token.length() <= MAX_LENGTH) {
                String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                int colon = plain.indexOf(':');
                int dot = plain.indexOf('.');
                if (dot > 0 && colon > dot && colon < plain.length() - 1) {
                    return new PageCursor(Instant.ofEpochSecond(Long.parseLong(plain.substring(0, dot)), Long.parseLong(plain.substring(dot + 1, colon))),
                            plain.substring(colon + 1));
                }
            }
        } catch (IllegalArgumentException | java.time.DateTimeException malformed) {
            // the same answer as any other token that is not one of ours
        }
        throw new BadRequestException("after: '" + (token.length() > 40 ? token.substring(0, 40) + "…" : token)
                + "' is not a cursor this list gave out; start without one.");
    }
}
