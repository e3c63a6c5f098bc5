package dev.integrity.contract.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, as every service and the gateway answer errors
 * ({@code application/problem+json}). {@code errors} is present for validation problems only.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<ProblemError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }

    public static Problem validation(String detail, List<ProblemError> errors) {
        return new Problem("about:blank", "Invalid events", 400, detail, errors);
    }
}
