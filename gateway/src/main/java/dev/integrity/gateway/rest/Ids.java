package dev.integrity.gateway.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;

import dev.integrity.contract.AccountIds;

/** Path parameters are checked before they travel downstream: ids are plain tokens, never paths. */
final class Ids {

    private Ids() {
    }

    static String check(String kind, String id) {
        if (!AccountIds.isValidId(id)) {
            throw new NotFoundException("No " + kind + " '" + (id == null ? "" : id.substring(0, Math.min(id.length(), 80))) + "'.");
        }
        return id;
    }

    /** A limit parameter, when given, is a whole number from 1 to {@code max}. */
    static void limit(String value, int max) {
        if (value == null || value.isEmpty()) {
            return;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            limit = 0;
        }
        if (limit < 1 || limit > max) {
            throw new BadRequestException("limit must be a whole number from 1 to " + max + ".");
        }
    }

    /** A JSON body of a review request: present and small (the notes it carries are at most 2,000 characters). */
    static io.vertx.mutiny.core.buffer.Buffer smallJson(byte[] body) {
        if (body == null || body.length == 0) {
            throw new BadRequestException("A JSON body is required.");
        }
        if (body.length > SMALL_BODY) {
            throw new jakarta.ws.rs.WebApplicationException("The body is " + body.length + " bytes; at most " + SMALL_BODY + " are taken here.", 413);
        }
        return io.vertx.mutiny.core.buffer.Buffer.buffer(body);
    }

    private static final int SMALL_BODY = 16 * 1024;

    /** One query parameter, encoded: {@code name=value}, or "" when the value is absent or blank. */
    static String query(String name, String value) {
        return value == null || value.isBlank() ? "" : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Parameters from {@link #query(String, String)} (or joined ones) joined with {@code &}, the empty ones left out. */
    static String join(String... parameters) {
        return Stream.of(parameters).filter(p -> !p.isEmpty()).collect(Collectors.joining("&"));
    }

    /** A downstream query string: {@code ?} and the {@link #join joined} parameters, or "" when there are none. */
    static String search(String... parameters) {
        String joined = join(parameters);
        return joined.isEmpty() ? "" : "?" + joined;
    }
}
