package dev.integrity.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.integrity.contract.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code report.json} and {@code report.html} into the output folder. */
public final class BenchOutput {

    public static final String JSON = "report.json";
    public static final String HTML = "report.html";

    private BenchOutput() {
    }

    public static void write(Path folder, BenchReport report) throws IOException {
        Files.createDirectories(folder);
        EventJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve(JSON).toFile(), report);
        Files.writeString(folder.resolve(HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
    }
}
