package dev.integrity.contract;

/**
 * One broken rule.
 *
 * @param field   the JSON path as the integrator wrote it, e.g. {@code occurredAt} or
 *                {@code profile.followerCount}; {@code $} for the event as a whole
 * @param message what is wrong, in plain English, e.g. {@code must be a non-negative integer}
 */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
