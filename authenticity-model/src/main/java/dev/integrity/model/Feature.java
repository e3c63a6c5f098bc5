package dev.integrity.model;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One named numeric feature.
 *
 * @param sourceColumns the CSV columns (profile fields) it is computed from
 * @param formula       how, in words; the README's feature table says the same
 */
public record Feature(String name, List<String> sourceColumns, String formula, ToDoubleFunction<ProfileRecord> compute) {

    public Feature {
        sourceColumns = List.copyOf(sourceColumns);
    }
}
