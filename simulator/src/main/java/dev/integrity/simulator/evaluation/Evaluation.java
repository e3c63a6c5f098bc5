package dev.integrity.simulator.evaluation;

import dev.integrity.simulator.api.SuiteApi;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.model.TruthRecord;
import dev.integrity.simulator.send.Sleeper;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Evaluates a run: waits for a quiet pipeline, reads the suite's view of the population, and
 * compares it with the truth. It reports what it sees and expects nothing.
 */
public record Evaluation(SuiteApi api, Options options, Clock clock, Sleeper sleeper, PrintWriter log) {

    /**
     * @param settleMax   the longest wait for a quiet pipeline
     * @param quietFor    how long nothing may change to count as quiet
     * @param pollEvery   how often to look while waiting
     * @param concurrency requests in flight while reading
     */
    public record Options(Duration settleMax, Duration quietFor, Duration pollEvery, int concurrency) {

        public static Options defaults(Duration settleMax) {
            return new Options(settleMax, Duration.ofSeconds(10), Duration.ofSeconds(2), 8);
        }
    }

    private static final int SAMPLES = 10;

    public EvaluationReport run(List<TruthRecord> truth, String gateway) throws InterruptedException {
        log.printf(Locale.ROOT, "evaluation: waiting for the pipeline to be quiet (%d s without change, at most %d s)%n",
                options.quietFor().toSeconds(), options.settleMax().toSeconds());
        Settler.Result settled = new Settler(api, clock, sleeper, options.quietFor(), options.settleMax(), options.pollEvery())
                .settle(samples(truth));
        log.printf(Locale.ROOT, "evaluation: %s after %.0f s; reading %d accounts through the API%n",
                settled.quiet() ? "quiet" : "still changing", settled.seconds(), truth.size());
        SystemView view = new SystemReader(api, options.concurrency()).read(truth);
        return Scorecard.compute(truth, view, clock.instant(), gateway,
                new EvaluationReport.Settled(settled.quiet(), settled.seconds(), settled.enforcements()));
    }

    /** Accounts whose counts move while the pipeline works: celebrities who bought followers, and buyers. */
    static List<String> samples(List<TruthRecord> truth) {
        Stream<TruthRecord> celebrities = truth.stream().filter(t -> t.archetype() == Archetype.CELEBRITY)
                .sorted(Comparator.comparingLong(TruthRecord::boughtFollowers).reversed()).limit(SAMPLES / 2);
        Stream<TruthRecord> buyers = truth.stream().filter(t -> t.archetype().isBuyer()).limit(SAMPLES / 2);
        return Stream.concat(celebrities, buyers).map(TruthRecord::accountId).toList();
    }
}
