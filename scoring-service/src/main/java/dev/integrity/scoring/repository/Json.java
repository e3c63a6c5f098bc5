package dev.integrity.scoring.repository;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.integrity.contract.EventJson;

/** JSON columns to and from values, with the contract's mapper. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(Object column, Class<T> type) {
        if (column == null) {
            return null;
        }
        try {
            return EventJson.mapper().readValue(column.toString(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getMessage(), e);
        }
    }

    static <T> List<T> readList(Object column, TypeReference<List<T>> type) {
        if (column == null) {
            return List.of();
        }
        try {
            return EventJson.mapper().readValue(column.toString(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getMessage(), e);
        }
    }

    static List<String> strings(Object column) {
        return readList(column, new TypeReference<List<String>>() {
        });
    }
}
