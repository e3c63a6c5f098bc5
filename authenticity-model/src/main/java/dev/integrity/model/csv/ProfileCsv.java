package dev.integrity.model.csv;

import static dev.integrity.model.ProfileColumns.Column.BIOGRAPHY;
import static dev.integrity.model.ProfileColumns.Column.EXTERNAL_URL;
import static dev.integrity.model.ProfileColumns.Column.FOLLOWER_COUNT;
import static dev.integrity.model.ProfileColumns.Column.FOLLOWING_COUNT;
import static dev.integrity.model.ProfileColumns.Column.FULL_NAME;
import static dev.integrity.model.ProfileColumns.Column.HAS_PROFILE_PICTURE;
import static dev.integrity.model.ProfileColumns.Column.IS_PRIVATE;
import static dev.integrity.model.ProfileColumns.LABEL;
import static dev.integrity.model.ProfileColumns.Column.MEDIA_COUNT;
import static dev.integrity.model.ProfileColumns.Column.USERNAME;

import dev.integrity.model.BehaviourFeatures;
import dev.integrity.model.ProfileColumns;
import dev.integrity.model.ProfileRecord;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes the labelled profile CSV of the public contract (section 5): a header row, columns in
 * any order from the profile columns and {@code label} (required), plus optional numeric columns named
 * after {@link BehaviourFeatures}; other columns are ignored. Booleans are true/false or 1/0, counts are
 * non-negative integers, the label is 1 (fake) or 0 (genuine).
 */
public final class ProfileCsv {

    private static final Set<String> RECOGNISED = recognisedColumns();
    private static final int QUOTED_VALUE_LIMIT = 40;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private ProfileCsv() {
    }

    public static ProfileTable read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return parse(new String(bytes, StandardCharsets.UTF_8), sha256(bytes), file.toString());
    }

    /** Parses CSV text; the table's hash is that of the text's UTF-8 bytes. */
    public static ProfileTable parse(String text) {
        return parse(text, sha256(text.getBytes(StandardCharsets.UTF_8)), "CSV text");
    }

    private static ProfileTable parse(String text, String sha256, String source) {
        CsvReader reader = new CsvReader(text);
        CsvReader.Row header = reader.next();
        if (header == null) {
            throw new CsvFormatException(1, "the input is empty; expected a header row");
        }
        Map<String, Integer> index = columnIndex(header);
        List<String> present = RECOGNISED.stream().filter(index::containsKey).toList();
        List<LabelledProfile> rows = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            if (row.fields().size() != header.fields().size()) {
                throw new CsvFormatException(row.line(), "expected " + header.fields().size() + " fields, found "
                        + row.fields().size());
            }
            rows.add(new RowParser(row, index).parse());
        }
        return new ProfileTable(present.stream().filter(c -> !c.equals(LABEL)).toList(), rows, sha256, source);
    }

    private static Map<String, Integer> columnIndex(CsvReader.Row header) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = header.fields();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (RECOGNISED.contains(name) && index.putIfAbsent(name, i) != null) {
                throw new CsvFormatException(header.line(), "column '" + name + "' appears twice");
            }
        }
        if (!index.containsKey(LABEL)) {
            throw new CsvFormatException(header.line(), "missing required column '" + LABEL + "'");
        }
        return index;
    }

    /** Turns one record's fields into a labelled profile, naming the line and column of any bad value. */
    private record RowParser(CsvReader.Row row, Map<String, Integer> index) {

        LabelledProfile parse() {
            Map<String, Double> behaviour = new LinkedHashMap<>();
            for (String name : BehaviourFeatures.ALL) {
                if (index.containsKey(name)) {
                    behaviour.put(name, number(name));
                }
            }
            ProfileRecord profile = new ProfileRecord(raw(USERNAME.csvName()), raw(FULL_NAME.csvName()), raw(BIOGRAPHY.csvName()),
                    raw(EXTERNAL_URL.csvName()), bool(HAS_PROFILE_PICTURE.csvName()), bool(IS_PRIVATE.csvName()),
                    count(MEDIA_COUNT.csvName()), count(FOLLOWER_COUNT.csvName()), count(FOLLOWING_COUNT.csvName()), behaviour);
            return new LabelledProfile(row.line(), profile, label());
        }

        private String raw(String column) {
            Integer i = index.get(column);
            return i == null ? null : row.fields().get(i);
        }

        private Boolean bool(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw bad(column, value, "is not a boolean (true/false or 1/0)");
            };
        }

        private Long count(String column) {
            String value = raw(column);
            if (value == null) {
                return null;
            }
            String digits = value.strip();
            if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw bad(column, value, "is not a non-negative integer");
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw bad(column, value, "is too large");
            }
        }

        private double number(String column) {
            String value = raw(column);
            String trimmed = value.strip();
            if (!DECIMAL.matcher(trimmed).matches() || !Double.isFinite(Double.parseDouble(trimmed))) {
                throw bad(column, value, "is not a finite number");
            }
            return Double.parseDouble(trimmed);
        }

        private boolean label() {
            String value = raw(LABEL).strip();
            return switch (value) {
                case "1" -> true;
                case "0" -> false;
                default -> throw bad(LABEL, value, "must be 1 (fake) or 0 (genuine)");
            };
        }

        private CsvFormatException bad(String column, String value, String problem) {
            return new CsvFormatException(row.line(), column + " " + quote(value) + " " + problem);
        }
    }

    /** Writes a CSV with these columns (profile columns, behaviour names, and {@code label}), quoting where needed. */
    public static void write(Writer out, List<String> columns, List<LabelledProfile> rows) throws IOException {
        for (String column : columns) {
            if (!RECOGNISED.contains(column)) {
                throw new IllegalArgumentException("not a column of the profile CSV: " + column);
            }
        }
        writeRecord(out, columns);
        List<String> values = new ArrayList<>(columns.size());
        for (LabelledProfile row : rows) {
            values.clear();
            for (String column : columns) {
                values.add(valueOf(row, column));
            }
            writeRecord(out, values);
        }
    }

    private static String valueOf(LabelledProfile row, String column) {
        Object value = column.equals(LABEL) ? (row.fake() ? "1" : "0") : row.profile().column(column);
        if (value == null) {
            throw new IllegalArgumentException("row at line " + row.line() + " has no value for column " + column);
        }
        if (value instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    private static void writeRecord(Writer out, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(values.get(i)));
        }
        out.write('\n');
    }

    static String escape(String value) {
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || (!value.isEmpty() && value.strip().length() != value.length());
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String quote(String value) {
        String shown = value.length() > QUOTED_VALUE_LIMIT ? value.substring(0, QUOTED_VALUE_LIMIT) + "..." : value;
        return "'" + shown.replace("\n", "\\n").replace("\r", "\\r") + "'";
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Set<String> recognisedColumns() {
        Set<String> columns = new LinkedHashSet<>(ProfileColumns.PROFILE);
        columns.addAll(BehaviourFeatures.ALL);
        columns.add(LABEL);
        return Collections.unmodifiableSet(columns);
    }
}
