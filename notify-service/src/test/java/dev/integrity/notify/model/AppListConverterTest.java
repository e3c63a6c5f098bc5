package dev.integrity.notify.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class AppListConverterTest {

    private final AppListConverter converter = new AppListConverter();

    @Test
    void roundTripsAppIdsWhateverTheirCharacters() {
        List<String> apps = List.of("followboost", "like \"blaster\", pro", "ünïcode-app");
        assertEquals(apps, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(apps)));
        assertEquals("[]", converter.convertToDatabaseColumn(null));
        assertEquals(List.of(), converter.convertToEntityAttribute(""));
    }
}
