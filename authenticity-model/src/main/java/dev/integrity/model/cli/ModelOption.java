package dev.integrity.model.cli;

import dev.integrity.model.AuthenticityModel;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model DIR}, optional: the commands that work on the shipped model unless told otherwise. */
final class ModelOption {

    @Option(names = "--model", paramLabel = "DIR", description = "model directory (default: the model shipped on the class path)")
    Path modelDir;

    AuthenticityModel load() throws IOException {
        return modelDir == null ? AuthenticityModel.loadDefault() : AuthenticityModel.load(modelDir);
    }
}
