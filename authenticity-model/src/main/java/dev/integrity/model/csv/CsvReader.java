package dev.integrity.model.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text (RFC 4180) into records: comma-separated fields, fields in double quotes may hold
 * commas, line breaks and doubled quotes ({@code ""}); CRLF or LF line ends; blank lines are skipped.
 */
final class CsvReader {

    /** One record and the line it starts on. */
    record Row(int line, List<String> fields) {
    }

    private final String text;
    private int pos;
    private int line = 1;

    CsvReader(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The next record, or null at the end. */
    Row next() {
        skipBlankLines();
        if (pos >= text.length()) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        while (true) {
            fields.add(peek() == '"' ? quotedField() : plainField());
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos++);
            if (c == ',') {
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                pos++;
            }
            line++;
            break;
        }
        return new Row(startLine, fields);
    }

    private String plainField() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '\n' || c == '\r') {
                break;
            }
            if (c == '"') {
                throw new CsvFormatException(line,
                        "a quote inside an unquoted field; quote the whole field and double the quotes in it");
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private String quotedField() {
        int openedOn = line;
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw new CsvFormatException(openedOn, "a quoted field is not closed before the end of the input");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                if (peek() == '"') {
                    value.append('"');
                    pos++;
                    continue;
                }
                break;
            }
            if (c == '\n') {
                line++;
            }
            value.append(c);
        }
        int after = peek();
        if (after != -1 && after != ',' && after != '\n' && after != '\r') {
            throw new CsvFormatException(line, "unexpected character '" + (char) after + "' after a closing quote");
        }
        return value.toString();
    }

    private void skipBlankLines() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (c == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                line++;
                pos += 2;
            } else {
                return;
            }
        }
    }

    private int peek() {
        return pos < text.length() ? text.charAt(pos) : -1;
    }
}
