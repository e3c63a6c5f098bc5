package dev.integrity.notify.model;

import java.io.IOException;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.integrity.contract.EventJson;

/** Stores a list of app ids as a JSON array in a text column. */
@Converter
public class AppListConverter implements AttributeConverter<List<String>, String> {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<String> apps) {
        return toJson(apps);
    }

    @Override
    public List<String> convertToEntityAttribute(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(EventJson.mapper().readValue(json, LIST));
        } catch (IOException e) {
            throw new IllegalStateException("stored app list is not a JSON array: " + json, e);
        }
    }

    public static String toJson(List<String> apps) {
        try {
            return EventJson.mapper().writeValueAsString(apps == null ? List.of() : apps);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write app list", e);
        }
    }
}
