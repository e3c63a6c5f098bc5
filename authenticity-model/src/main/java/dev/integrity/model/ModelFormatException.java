package dev.integrity.model;

/** A model artefact that cannot be used: unreadable, malformed or inconsistent. */
public class ModelFormatException extends IllegalArgumentException {

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
