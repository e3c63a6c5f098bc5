package dev.integrity.model.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.Evaluator;
import dev.integrity.model.Metrics;
import dev.integrity.model.csv.ProfileCsv;
import dev.integrity.model.csv.ProfileTable;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measures a model on a labelled profile CSV at the model's threshold.")
final class EvaluateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "model directory (or its model.json)")
    Path modelDir;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "labelled profile CSV")
    Path data;

    @Option(names = "--json", paramLabel = "OUT", description = "also write the metrics as JSON to this file")
    Path json;

    @Override
    public Integer call() throws Exception {
        AuthenticityModel model = AuthenticityModel.load(modelDir);
        ProfileTable table = ProfileCsv.read(data);
        Metrics metrics = Evaluator.evaluate(model, table);

        PrintWriter w = spec.commandLine().getOut();
        w.printf("model %s on %s%n", model.id(), data);
        MetricsTable.print(w, metrics);
        if (json != null) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("model", model.id());
            document.put("data", data.toString());
            document.put("dataSha256", table.sha256());
            document.put("metrics", metrics);
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
