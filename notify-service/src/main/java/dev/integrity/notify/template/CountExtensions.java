package dev.integrity.notify.template;

import java.text.NumberFormat;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/** Template helpers for counts, so that templates can say "1 like" and "1,234 likes" (or "1.234") correctly. */
@TemplateExtension
public class CountExtensions {

    private CountExtensions() {
    }

    /**
     * {@code {m.likes.plural('like', 'likes')}}: the count written the reader's way, then the
     * singular or plural word the template gives. English and German pluralise alike (one for 1,
     * the other form for everything else); a language with more forms gets another helper.
     */
    static String plural(long count, String one, String other, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        Locale readerLocale = locale instanceof Locale l ? l : Locale.ENGLISH;
        return NumberFormat.getIntegerInstance(readerLocale).format(count) + " " + (count == 1 ? one : other);
    }
}
