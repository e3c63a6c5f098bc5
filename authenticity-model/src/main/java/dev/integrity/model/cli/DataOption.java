package dev.integrity.model.cli;

import dev.integrity.model.csv.ProfileCsv;
import dev.integrity.model.csv.ProfileTable;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data FILE.csv}: the labelled profiles a command trains or measures on. */
final class DataOption {

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "labelled profile CSV")
    Path file;

    ProfileTable read() throws IOException {
        return ProfileCsv.read(file);
    }
}
