package dev.integrity.contract.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One validation error of a problem: which event (by position and id), which field, what is wrong. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(Integer index, String eventId, String field, String message) {
}
