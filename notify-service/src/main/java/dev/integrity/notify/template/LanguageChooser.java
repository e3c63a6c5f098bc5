package dev.integrity.notify.template;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.integrity.notify.config.NotifyConfig;

/** Picks the language a reader gets from their Accept-Language header (RFC 4647 lookup), English otherwise. */
@ApplicationScoped
public class LanguageChooser {

    private final List<String> supported;
    private final String fallback;

    @Inject
    public LanguageChooser(NotifyConfig config) {
        this(config.languages().supported(), config.languages().fallback());
    }

    public LanguageChooser(List<String> supported, String fallback) {
        this.supported = List.copyOf(supported);
        this.fallback = fallback;
    }

    /** @param acceptLanguage the header's value, e.g. {@code de-CH, de;q=0.9, en;q=0.5}; may be null or malformed */
    public String choose(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return fallback;
        }
        try {
            String match = Locale.lookupTag(Locale.LanguageRange.parse(acceptLanguage), supported);
            return match == null ? fallback : match;
        } catch (IllegalArgumentException malformed) {
            return fallback;
        }
    }

    public List<String> supported() {
        return supported;
    }
}
