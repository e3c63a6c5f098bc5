package dev.integrity.notify.template;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.integrity.notify.model.NotificationKind;
import dev.integrity.notify.model.NotificationSnapshot;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Renders a stored message in a reader's language from the Qute templates
 * {@code templates/notifications/<language>/<KIND>.txt}. Each template holds two fragments,
 * {@code title} and {@code body}, and sees the message's parameters as {@code m}. A language
 * without a template for the kind falls back to the configured fallback language.
 */
@ApplicationScoped
public class MessageRenderer {

    @Inject
    Engine engine;
    @Inject
    LanguageChooser languages;

    public RenderedMessage render(NotificationSnapshot message, String language) {
        String used = language;
        Template template = template(message.kind(), language);
        if (template == null) {
            used = languages.choose(null);
            template = template(message.kind(), used);
        }
        if (template == null) {
            throw new IllegalStateException("no template for " + message.kind() + " in " + language + " or " + used);
        }
        MessageParams params = MessageParams.of(message);
        Locale locale = Locale.forLanguageTag(used);
        return new RenderedMessage(fragment(template, "title", params, locale), fragment(template, "body", params, locale), used);
    }

    private Template template(NotificationKind kind, String language) {
        return engine.getTemplate("notifications/" + language + "/" + kind.name());
    }

    private static String fragment(Template template, String id, MessageParams params, Locale locale) {
        String text = template.getFragment(id).instance().data("m", params).setLocale(locale).render();
        return tidy(text);
    }

    /** Trims, and keeps at most one blank line between paragraphs (an omitted optional paragraph leaves none behind). */
    static String tidy(String text) {
        return text.replace("\r\n", "\n").replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
