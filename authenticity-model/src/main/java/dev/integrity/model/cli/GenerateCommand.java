package dev.integrity.model.cli;

import dev.integrity.model.csv.LabelledProfile;
import dev.integrity.model.csv.ProfileCsv;
import dev.integrity.model.synthetic.SyntheticProfiles;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a synthetic labelled profile CSV (genuine and fake profiles that overlap realistically).")
final class GenerateCommand extends CliCommand {

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
    Path out;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "number of profiles")
    int rows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--fake-share", paramLabel = "F", defaultValue = "0.35",
            description = "share of fake profiles (default: ${DEFAULT-VALUE})")
    double fakeShare;

    @Option(names = "--behaviour", description = "also write the behaviour feature columns (follows_1h, ...)")
    boolean behaviour;

    @Override
    public Integer call() throws Exception {
        check(rows >= 1, "--rows must be at least 1, got " + rows);
        check(fakeShare >= 0 && fakeShare <= 1, "--fake-share must be in [0, 1], got " + fakeShare);
        List<LabelledProfile> profiles = new SyntheticProfiles(seed, behaviour).generate(rows, fakeShare);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer writer = Files.newBufferedWriter(out)) {
            ProfileCsv.write(writer, SyntheticProfiles.columns(behaviour), profiles);
        }
        long fakes = profiles.stream().filter(LabelledProfile::fake).count();
        out().printf("%d profiles (%d fake) written to %s%n", profiles.size(), fakes, out);
        return 0;
    }
}
