package dev.integrity.notify.rest;

import java.util.regex.Pattern;

import dev.integrity.contract.AccountIds;
import dev.integrity.notify.service.InvalidRequestException;

/** Checks the path and query parameters of the inbox API; a broken rule is a 400 naming the parameter. */
final class RequestParameters {

    private static final Pattern NOTIFICATION_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private RequestParameters() {
    }

    static String accountId(String value) {
        if (!AccountIds.isValid(value)) {
            throw new InvalidRequestException("Account id must be " + AccountIds.RULE + ".");
        }
        return value;
    }

    /** Unknown-looking ids are simply not found (404), like ids of another account. */
    static boolean isPlausibleNotificationId(String value) {
        return value != null && NOTIFICATION_ID.matcher(value).matches();
    }

    /** A page number: absent means 0; otherwise a non-negative integer. */
    static int page(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        int page = integer("page", value);
        if (page < 0) {
            throw new InvalidRequestException("Query parameter 'page' must be 0 or more.");
        }
        return page;
    }

    /** A page size: absent means the default; 1 or more; larger than the maximum is capped to it. */
    static int size(String value, int defaultSize, int maxSize) {
        if (value == null || value.isBlank()) {
            return defaultSize;
        }
        int size = integer("size", value);
        if (size < 1) {
            throw new InvalidRequestException("Query parameter 'size' must be 1 or more (at most " + maxSize + " are returned).");
        }
        return Math.min(size, maxSize);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Query parameter '" + name + "' must be an integer, not '" + value + "'.");
        }
    }
}
