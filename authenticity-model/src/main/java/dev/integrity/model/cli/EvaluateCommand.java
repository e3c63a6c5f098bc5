package dev.integrity.model.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BaseRate;
import dev.integrity.model.BaseRateMetrics;
import dev.integrity.model.Evaluator;
import dev.integrity.model.Metrics;
import dev.integrity.model.csv.ProfileTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measures a model on a labelled profile CSV at the model's threshold, and optionally re-weights"
                + " the result to another share of fakes.")
final class EvaluateCommand extends CliCommand {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model directory (or its model.json)")
    Path modelDir;

    @Mixin
    DataOption data;

    @Option(names = "--base-rate", paramLabel = "P",
            description = "also report precision, recall, false-positive rate, F1 and accuracy re-weighted to this share"
                    + " of fakes (0 < P < 1)")
    Double baseRate;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the metrics as JSON to this file")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (baseRate != null) {
            option(() -> BaseRate.require(baseRate, "--base-rate"));
        }
        AuthenticityModel model = AuthenticityModel.load(modelDir);
        ProfileTable table = data.read();
        Metrics metrics = Evaluator.evaluate(model, table);
        BaseRateMetrics reweighted = baseRate == null ? null : BaseRateMetrics.of(metrics, baseRate);
        double dataBaseRate = BaseRateMetrics.baseRateOf(metrics);

        PrintWriter w = out();
        w.printf("model %s (%s) on %s%n", model.id(), model.kind(), data.file);
        w.println(MetricsTable.thresholdLine(model));
        w.println();
        w.printf("as measured (base rate of the data %.4f: %d of %d rows fake):%n", dataBaseRate,
                metrics.confusionMatrix().truePositives() + metrics.confusionMatrix().falseNegatives(), metrics.rows());
        MetricsTable.print(w, metrics);
        if (reweighted != null) {
            w.println();
            w.printf("re-weighted to the base rate %.4f (from the rates measured above):%n", baseRate);
            MetricsTable.print(w, reweighted);
        }
        if (json != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("model", model.id());
            document.put("modelKind", model.kind());
            document.put("modelBaseRate", model.baseRate().isPresent() ? model.baseRate().getAsDouble() : null);
            document.put("data", data.file.toString());
            document.put("dataSha256", table.sha256());
            document.put("dataBaseRate", Double.isNaN(dataBaseRate) ? null : dataBaseRate);
            document.put("metrics", metrics);
            if (reweighted != null) {
                document.put("atBaseRate", reweighted);
            }
            Path parent = json.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(json, JSON.writeValueAsString(document) + "\n");
            w.printf("%nmetrics written to %s%n", json);
        }
        return 0;
    }
}
