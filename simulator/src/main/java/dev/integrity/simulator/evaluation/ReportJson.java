package dev.integrity.simulator.evaluation;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.integrity.contract.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes an evaluation report as indented JSON. */
public final class ReportJson {

    private ReportJson() {
    }

    public static void write(Path file, EvaluationReport report) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        EventJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    }
}
