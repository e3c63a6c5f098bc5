package dev.integrity.model;

import java.util.List;

/**
 * What a model was trained on and how the rows were split (stratified by label, seeded).
 *
 * @param dataSha256 SHA-256 of the CSV file's bytes
 * @param columns    the recognised columns the CSV had
 * @param epochs     SGD passes of the logistic regression; 0 for a forest
 */
public record TrainingData(
        String dataSha256,
        String dataSource,
        List<String> columns,
        int rows,
        int fakeRows,
        int genuineRows,
        int trainRows,
        int validationRows,
        int testRows,
        long seed,
        int epochs) {

    public TrainingData {
        columns = List.copyOf(columns);
    }
}
