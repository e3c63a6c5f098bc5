package dev.integrity.model.csv;

import dev.integrity.model.ProfileRecord;

/**
 * One data row of a labelled profile CSV.
 *
 * @param line the line the row starts on (0 for rows not read from a file)
 * @param fake the label: true for 1 (fake or inauthentic), false for 0 (genuine)
 */
public record LabelledProfile(int line, ProfileRecord profile, boolean fake) {
}
