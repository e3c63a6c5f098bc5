package dev.integrity.contract.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, as every service and the gateway answer errors
 * ({@code application/problem+json}). {@code type} names the kind of problem ({@link #typeOf}: one
 * URI per kind, the same from every service); {@code errors} is present for validation problems only.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Where every problem type URI of the suite starts. */
    public static final String TYPE_BASE = "https://integrity.dev/problems/";
    /** A status with no kind of its own (RFC 9457: the status says it all). */
    public static final String BLANK = "about:blank";

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeOf(status), title, status, detail, List.of());
    }

    public static Problem validation(String detail, List<ProblemError> errors) {
        return new Problem(typeOf(400), "Invalid events", 400, detail, errors);
    }

    /**
     * The problem type of an answer with this status: {@code https://integrity.dev/problems/<kind>}
     * for every kind the API documents, {@code about:blank} for any other status.
     */
    public static String typeOf(int status) {
        String kind = kindOf(status);
        return kind == null ? BLANK : TYPE_BASE + kind;
    }

    /** The kind (the type URI's last segment) of a status, or null when it has none. */
    public static String kindOf(int status) {
        return switch (status) {
            case 400 -> "validation";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 500 -> "internal";
            case 502, 503, 504 -> "unavailable";
            default -> null;
        };
    }
}
