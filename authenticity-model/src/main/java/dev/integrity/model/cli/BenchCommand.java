package dev.integrity.model.cli;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BehaviourFeatures;
import dev.integrity.model.FeatureSet;
import dev.integrity.model.Scorer;
import dev.integrity.model.csv.LabelledProfile;
import dev.integrity.model.synthetic.SyntheticProfiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A rough timing of the scorer (no JMH): warm up, then time a loop over pre-extracted feature maps. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Prints the scorer's cost in ns per score.")
final class BenchCommand implements Callable<Integer> {

    private static final int SAMPLES = 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "model directory (default: the model shipped on the class path)")
    Path modelDir;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "2000000",
            description = "scores per timed round (default: ${DEFAULT-VALUE})")
    int iterations;

    @Override
    public Integer call() throws Exception {
        if (iterations < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--iterations must be at least 1");
        }
        AuthenticityModel model = modelDir == null ? AuthenticityModel.loadDefault() : AuthenticityModel.load(modelDir);
        Scorer scorer = model.scorer();
        boolean behaviour = model.requiredColumns().stream().anyMatch(BehaviourFeatures::isBehaviourFeature);
        List<LabelledProfile> profiles = new SyntheticProfiles(7, behaviour).generate(SAMPLES, 0.35);
        @SuppressWarnings("unchecked")
        Map<String, Double>[] samples = profiles.stream().map(p -> FeatureSet.extract(p.profile())).toArray(Map[]::new);

        PrintWriter w = spec.commandLine().getOut();
        w.printf("model %s (%s), %d features, %d scores per round%n", model.id(), model.kind(), model.features().size(),
                iterations);
        double sink = 0;
        for (int round = 0; round < 3; round++) {
            sink += timeProbability(scorer, samples, Math.min(iterations, 200_000)).sink;
            sink += timeScore(scorer, samples, Math.min(iterations, 200_000)).sink;
        }
        Timing probability = timeProbability(scorer, samples, iterations);
        Timing score = timeScore(scorer, samples, iterations);
        w.printf("probability(Map): %.1f ns/score%n", probability.nanosPerScore(iterations));
        w.printf("score(Map) with contributions: %.1f ns/score%n", score.nanosPerScore(iterations));
        w.printf("(checksum %.3f)%n", sink + probability.sink + score.sink);
        return 0;
    }

    private record Timing(long nanos, double sink) {
        double nanosPerScore(int iterations) {
            return nanos / (double) iterations;
        }
    }

    private static Timing timeProbability(Scorer scorer, Map<String, Double>[] samples, int iterations) {
        double sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sink += scorer.probability(samples[i & (SAMPLES - 1)]);
        }
        return new Timing(System.nanoTime() - start, sink);
    }

    private static Timing timeScore(Scorer scorer, Map<String, Double>[] samples, int iterations) {
        double sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            sink += scorer.score(samples[i & (SAMPLES - 1)]).logit();
        }
        return new Timing(System.nanoTime() - start, sink);
    }
}
