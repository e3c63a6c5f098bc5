package dev.integrity.model.csv;

import java.util.Collection;
import java.util.List;

/**
 * A parsed labelled profile CSV.
 *
 * @param columns the recognised columns present (profile columns and behaviour names; not {@code label})
 * @param sha256  SHA-256 of the input bytes, lower-case hex
 * @param source  where it was read from, for messages
 */
public record ProfileTable(List<String> columns, List<LabelledProfile> rows, String sha256, String source) {

    public ProfileTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Which of these columns the table lacks, in the given order. */
    public List<String> missing(Collection<String> required) {
        return required.stream().filter(c -> !columns.contains(c)).toList();
    }

    public long fakeRows() {
        return rows.stream().filter(LabelledProfile::fake).count();
    }
}
