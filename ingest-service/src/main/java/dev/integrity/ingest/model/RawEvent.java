package dev.integrity.ingest.model;

import com.fasterxml.jackson.databind.JsonNode;

/** One element of a request body, before validation: its JSON, or why it could not be read. */
public record RawEvent(int index, JsonNode json, String parseError) {

    public static RawEvent parsed(int index, JsonNode json) {
        return new RawEvent(index, json, null);
    }

    public static RawEvent unreadable(int index, String parseError) {
        return new RawEvent(index, null, parseError);
    }
}
