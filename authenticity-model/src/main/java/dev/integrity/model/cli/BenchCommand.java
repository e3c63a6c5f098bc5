package dev.integrity.model.cli;

import dev.integrity.model.AuthenticityModel;
import dev.integrity.model.BehaviourFeatures;
import dev.integrity.model.FeatureSet;
import dev.integrity.model.Scorer;
import dev.integrity.model.csv.LabelledProfile;
import dev.integrity.model.synthetic.SyntheticProfiles;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A rough timing of the scorer (no JMH): warm up, then time a loop over pre-extracted feature maps. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Prints the scorer's cost in ns per score.")
final class BenchCommand extends CliCommand {

    private static final int SAMPLES = 1024;

    @Mixin
    ModelOption modelDir;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "2000000",
            description = "scores per timed round (default: ${DEFAULT-VALUE})")
    int iterations;

    @Override
    public Integer call() throws Exception {
        check(iterations >= 1, "--iterations must be at least 1");
        AuthenticityModel model = modelDir.load();
        Scorer scorer = model.scorer();
        boolean behaviour = model.requiredColumns().stream().anyMatch(BehaviourFeatures::isBehaviourFeature);
        List<LabelledProfile> profiles = new SyntheticProfiles(7, behaviour).generate(SAMPLES, 0.35);
        @SuppressWarnings("unchecked")
        Map<String, Double>[] samples = profiles.stream().map(p -> FeatureSet.extract(p.profile())).toArray(Map[]::new);

        PrintWriter w = out();
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
