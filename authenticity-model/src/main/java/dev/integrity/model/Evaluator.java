package dev.integrity.model;

import dev.integrity.model.csv.LabelledProfile;
import dev.integrity.model.csv.ProfileCsv;
import dev.integrity.model.csv.ProfileTable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Measures a model on labelled profiles at the model's threshold. */
public final class Evaluator {

    private Evaluator() {
    }

    public static Metrics evaluate(AuthenticityModel model, Path csv) throws IOException {
        return evaluate(model, ProfileCsv.read(csv));
    }

    /** @throws IllegalArgumentException naming the columns the data lacks, if it lacks any the model needs */
    public static Metrics evaluate(AuthenticityModel model, ProfileTable data) {
        List<String> missing = data.missing(model.requiredColumns());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(data.source() + " lacks column" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + " that model " + model.id() + " needs");
        }
        Scorer scorer = model.scorer();
        List<LabelledProfile> rows = data.rows();
        double[] probabilities = new double[rows.size()];
        boolean[] fake = new boolean[rows.size()];
        Map<String, Double> features = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            FeatureSet.extractInto(rows.get(i).profile(), features);
            probabilities[i] = scorer.probability(features);
            fake[i] = rows.get(i).fake();
        }
        return Metrics.of(probabilities, fake, model.threshold());
    }
}
