package dev.integrity.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class LanguageChooserTest {

    private final LanguageChooser chooser = new LanguageChooser(List.of("en", "de"), "en");

    @Test
    void picksTheReadersPreferredSupportedLanguage() {
        assertEquals("de", chooser.choose("de"));
        assertEquals("de", chooser.choose("de-DE"));
        assertEquals("de", chooser.choose("de-CH, de;q=0.9, en;q=0.5"));
        assertEquals("en", chooser.choose("en-GB,en;q=0.9,de;q=0.8"));
        assertEquals("de", chooser.choose("fr-FR, fr;q=0.9, de;q=0.7, en;q=0.5"));
        assertEquals("en", chooser.choose("de;q=0.4, en;q=0.8"));
    }

    @Test
    void fallsBackToEnglish() {
        assertEquals("en", chooser.choose(null));
        assertEquals("en", chooser.choose(""));
        assertEquals("en", chooser.choose("fr-FR"));
        assertEquals("en", chooser.choose("*"));
        assertEquals("en", chooser.choose(";;;not a header"));
        assertEquals("en", chooser.choose("de;q=0"));
    }
}
