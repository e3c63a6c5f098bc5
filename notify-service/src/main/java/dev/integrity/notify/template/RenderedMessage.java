package dev.integrity.notify.template;

/** A message rendered for one reader: its title and plain-text body, and the language they are in. */
public record RenderedMessage(String title, String body, String language) {
}
