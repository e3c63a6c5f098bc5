package dev.integrity.bench.cli;

import dev.integrity.model.cli.CliCommand;
import dev.integrity.simulator.api.Role;
import dev.integrity.simulator.api.SuiteTokenSource;
import dev.integrity.simulator.api.TokenSource;
import dev.integrity.bench.Bench;
import dev.integrity.bench.BenchOutput;
import dev.integrity.bench.BenchReport;
import dev.integrity.bench.BenchTable;
import dev.integrity.bench.KafkaClients;
import dev.integrity.bench.ProcFs;
import dev.integrity.bench.Processes;
import dev.integrity.bench.SuiteReplicas;
import dev.integrity.simulator.cli.AccountsOption;
import dev.integrity.simulator.cli.GatewayOption;
import dev.integrity.simulator.cli.SimulatorCli;
import dev.integrity.simulator.send.EventsEndpoint;
import dev.integrity.simulator.send.HttpEventsEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./suite bench}: the benchmark (see {@link Bench}); writes report.json and report.html. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmarks the running suite: (a) a plain Kafka producer as the baseline, (b) batches through the gateway "
                + "with consumer lag and the time until everything is ledgered and scored, (c) accepted → decided latency at a fixed "
                + "rate, (d) CPU and memory per process, (e) the ratios to the baseline. Writes report.json and report.html and prints "
                + "the targets next to the measured numbers (reported, never failed).",
                "Every phase is bounded in time. Exit codes: 0 done, 1 the gateway rejected events (a bug), 2 error.", ""})
final class BenchCommand extends CliCommand {

    @Mixin
    GatewayOption gateway;

    @Mixin
    KafkaOption kafka;

    @Option(names = "--scoring-metrics", paramLabel = "URL", defaultValue = "http://127.0.0.1:${env:SCORING_PORT:-8082}/q/metrics",
            description = "scoring's Prometheus page with " + Bench.LATENCY_METRIC + " (default: ${DEFAULT-VALUE})")
    String scoringMetrics;

    @Option(names = "--duration", paramLabel = "S", defaultValue = "60",
            description = "(b) seconds of sending through the gateway as fast as it takes them (default: ${DEFAULT-VALUE})")
    int duration;

    @Option(names = "--fixed-rate", paramLabel = "R", defaultValue = "5000", description = "(c) offered events/s (default: ${DEFAULT-VALUE})")
    double fixedRate;

    @Option(names = "--fixed-seconds", paramLabel = "S", defaultValue = "30", description = "(c) seconds at that rate (default: ${DEFAULT-VALUE})")
    int fixedSeconds;

    @Mixin
    AccountsOption populationSize = new AccountsOption(20000);

    @Option(names = "--seed", paramLabel = "S",
            description = "seed of the population and its traffic (default: the current time in ms, so that every run's event ids are new)")
    Long seed;

    @Option(names = "--suite-dir", paramLabel = "DIR", defaultValue = ".",
            description = "the suite's folder: its ./suite mints the tokens, .suite/pids names the processes (default: ${DEFAULT-VALUE})")
    Path suiteDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/bench",
            description = "where report.json and report.html go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--baseline-seconds", paramLabel = "S", defaultValue = "20",
            description = "(a) seconds the baseline producer is measured, after a 3 s warm-up (default: ${DEFAULT-VALUE})")
    int baselineSeconds;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "5000", description = "(b) events per request (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "(b) requests in flight (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--fixed-batch", paramLabel = "N", defaultValue = "500", description = "(c) events per request (default: ${DEFAULT-VALUE})")
    int fixedBatch;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "4",
            description = "ingest tokens (subjects bench-1..N) that requests take turns with; the gateway limits requests per token "
                    + "(default: ${DEFAULT-VALUE})")
    int tokens;

    @Option(names = "--token", paramLabel = "JWT",
            description = "an ingest token to use instead of minting them with ./suite (repeat for several)")
    List<String> givenTokens;

    @Option(names = "--catch-up-timeout", paramLabel = "S", defaultValue = "300",
            description = "(b) longest wait for the consumers to catch up after sending (default: ${DEFAULT-VALUE})")
    int catchUpTimeout;

    @Option(names = "--scale-out-events", paramLabel = "N", defaultValue = "100000",
            description = "(d) events sent with one scoring instance and again with two (./suite replica); 0 skips it (default: ${DEFAULT-VALUE})")
    long scaleOutEvents;

    @Option(names = "--evaluation", paramLabel = "FILE", defaultValue = "target/simulation/evaluation.json",
            description = "a simulation's evaluation, drawn as detection per archetype if it exists (default: ${DEFAULT-VALUE})")
    Path evaluation;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = out();
        PrintWriter err = err();
        check(duration >= 1 && duration <= 3600, "--duration must be between 1 and 3600 seconds, not " + duration);
        check(fixedRate > 0 && fixedRate <= 1_000_000, "--fixed-rate must be more than 0 and at most 1000000, not " + fixedRate);
        check(fixedSeconds >= 1 && fixedSeconds <= 3600, "--fixed-seconds must be between 1 and 3600, not " + fixedSeconds);
        int accounts = populationSize.get(spec.commandLine());
        check(baselineSeconds >= 1 && baselineSeconds <= 3600, "--baseline-seconds must be between 1 and 3600, not " + baselineSeconds);
        check(batch >= 1 && batch <= 10_000, "--batch must be between 1 and 10000, not " + batch);
        check(fixedBatch >= 1 && fixedBatch <= 10_000, "--fixed-batch must be between 1 and 10000, not " + fixedBatch);
        check(concurrency >= 1 && concurrency <= 64, "--concurrency must be between 1 and 64, not " + concurrency);
        check(tokens >= 1 && tokens <= 64, "--tokens must be between 1 and 64, not " + tokens);
        check(scaleOutEvents >= 0 && scaleOutEvents <= 10_000_000, "--scale-out-events must be between 0 and 10000000, not " + scaleOutEvents);
        check(catchUpTimeout >= 1 && catchUpTimeout <= 3600, "--catch-up-timeout must be between 1 and 3600, not " + catchUpTimeout);
        String gatewayUrl = gateway.url();
        URI metricsUri = metricsUri();
        long s = seed != null ? seed : System.currentTimeMillis();

        List<String> jwts = ingestTokens();
        HttpClient client = gateway.client();
        List<EventsEndpoint> endpoints = new ArrayList<>();
        jwts.forEach(t -> endpoints.add(new HttpEventsEndpoint(client, gatewayUrl, t)));
        int fixedConcurrency = Math.max(concurrency, 16);
        Bench.Options options = new Bench.Options(accounts, s, 24, baselineSeconds, 200_000, duration, batch, concurrency, fixedRate,
                fixedSeconds, fixedBatch, fixedConcurrency, catchUpTimeout, 60, 30, (int) scaleOutEvents);
        BenchReport.Parameters parameters = new BenchReport.Parameters(gatewayUrl, kafka.bootstrap, metricsUri.toString(), accounts, s, baselineSeconds,
                options.baselinePool(), duration, batch, concurrency, jwts.size(), fixedRate, fixedSeconds, fixedBatch, fixedConcurrency,
                catchUpTimeout);
        Path pids = stateDir().resolve("pids");
        err.printf(Locale.ROOT, "bench: seed %d (rerun with --seed %d), %,d accounts, gateway %s, Kafka %s; processes from %s%n", s, s, accounts,
                gatewayUrl, kafka.bootstrap, pids);
        BenchReport report;
        try (KafkaClients kafkaClients = new KafkaClients(kafka.bootstrap)) {
            Bench bench = new Bench(options, kafkaClients, endpoints, () -> scrape(client, metricsUri), metricsUri.toString(),
                    Processes.system(pids), new SuiteReplicas(suiteDir.resolve("suite")), ProcFs.clockTicksPerSecond(), err);
            report = bench.run(parameters, evaluation);
        }
        BenchOutput.write(out, report);
        BenchTable.print(report, w);
        w.printf("%nreport: %s and %s%n", out.resolve(BenchOutput.JSON), out.resolve(BenchOutput.HTML));
        w.flush();
        if (report.error() != null) {
            throw new IllegalStateException(report.error());
        }
        long rejected = (report.pipeline() == null ? 0 : report.pipeline().rejected())
                + (report.fixedRate() == null ? 0 : report.fixedRate().rejected());
        if (rejected > 0) {
            err.printf(Locale.ROOT, "error: the gateway rejected %,d events; every one is a bug (./suite simulate shows them)%n", rejected);
            return SimulatorCli.REJECTED;
        }
        return 0;
    }

    private List<String> ingestTokens() {
        if (givenTokens != null && givenTokens.stream().anyMatch(t -> t != null && !t.isBlank())) {
            return givenTokens.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).toList();
        }
        TokenSource source = new SuiteTokenSource(suiteDir.resolve("suite")).cached();
        List<String> list = new ArrayList<>();
        for (int i = 1; i <= tokens; i++) {
            list.add(source.token(Role.INGEST, "bench-" + i));
        }
        return list;
    }

    /** The suite's state folder: $STATE_DIR as ./suite has it, else .suite in the suite's folder. */
    private Path stateDir() {
        String env = System.getenv("STATE_DIR");
        return env != null && !env.isBlank() ? Path.of(env) : suiteDir.resolve(".suite");
    }

    private URI metricsUri() {
        try {
            URI uri = URI.create(scoringMetrics);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw badOption("--scoring-metrics must be an http(s) URL, not '" + scoringMetrics + "'");
        }
    }

    private static String scrape(HttpClient client, URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).header("Accept", "text/plain; version=0.0.4").GET()
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }
}
