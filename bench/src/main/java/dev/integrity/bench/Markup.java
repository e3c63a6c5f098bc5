package dev.integrity.bench;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The report's templates ({@code src/main/resources/templates}), rendered with Qute standalone. Every value a
 * template writes is escaped for HTML and SVG alike, except a {@link RawString} (a chart already rendered).
 */
final class Markup {

    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new ResultMapper() {
                @Override
                public boolean appliesTo(TemplateNode.Origin origin, Object result) {
                    return !(result instanceof RawString);
                }

                @Override
                public String map(Object result, Expression expression) {
                    return escape(result.toString());
                }
            }).build();
    private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

    private Markup() {
    }

    /** The template {@code templates/NAME} with {@code data} as its root object. */
    static String render(String name, Object data) {
        return TEMPLATES.computeIfAbsent(name, Markup::load).render(data);
    }

    /** Already markup: written as it is. */
    static RawString raw(String markup) {
        return new RawString(markup);
    }

    /** A coordinate as the charts write them: one decimal. */
    static String at(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** Text for an element or an attribute: markup characters escaped, control characters (not allowed in XML) blanked. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static Template load(String name) {
        try (InputStream in = Markup.class.getResourceAsStream("/templates/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no template " + name + " on the class path");
            }
            return ENGINE.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
