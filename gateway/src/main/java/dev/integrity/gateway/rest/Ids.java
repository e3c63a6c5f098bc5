package dev.integrity.gateway.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import jakarta.ws.rs.NotFoundException;

/** Path parameters are checked before they travel downstream: ids are plain tokens, never paths. */
final class Ids {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private Ids() {
    }

    static String check(String kind, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFoundException("No " + kind + " '" + (id == null ? "" : id.substring(0, Math.min(id.length(), 80))) + "'.");
        }
        return id;
    }

    static String query(String name, String value) {
        return value == null || value.isBlank() ? "" : name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
