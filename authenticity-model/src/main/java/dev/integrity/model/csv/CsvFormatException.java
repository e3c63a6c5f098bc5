package dev.integrity.model.csv;

/** Malformed CSV input; the message starts with {@code line N: }. */
public class CsvFormatException extends IllegalArgumentException {

    private final int line;

    public CsvFormatException(int line, String problem) {
        super("line " + line + ": " + problem);
        this.line = line;
    }

    /** The 1-based line of the problem (a record's first line for problems with its values). */
    public int line() {
        return line;
    }
}
