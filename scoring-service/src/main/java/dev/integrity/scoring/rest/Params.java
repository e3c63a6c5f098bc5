package dev.integrity.scoring.rest;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;

/** Checks of request parameters and body fields, each failure a 400 that names the field and what it must be. */
final class Params {

    private Params() {
    }

    /** A request body is required; its absence is a 400 that shows the body's shape. */
    static void body(Object body, String shape) {
        if (body == null) {
            throw new BadRequestException("The body must be " + shape + ".");
        }
    }

    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(value)) {
                    return e;
                }
            }
        }
        throw new BadRequestException(field + " must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(field + " is required (1 to " + max + " characters).");
        }
        if (value.length() > max) {
            throw new BadRequestException(field + " is " + value.length() + " characters long; at most " + max + " are allowed.");
        }
        return value.strip();
    }

    static void limit(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new BadRequestException("limit must be between 1 and " + max + ".");
        }
    }
}
