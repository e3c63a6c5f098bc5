package dev.integrity.simulator.cli;

import dev.integrity.model.cli.CliCommand;
import dev.integrity.simulator.api.HttpSuiteApi;
import dev.integrity.simulator.api.Role;
import dev.integrity.simulator.api.TokenSource;
import dev.integrity.simulator.evaluation.EvaluationReport;
import dev.integrity.simulator.followup.FollowUp;
import dev.integrity.simulator.followup.FollowUpReport;
import dev.integrity.simulator.followup.FollowUpTraffic;
import dev.integrity.simulator.model.Archetype;
import dev.integrity.simulator.model.Crowd;
import dev.integrity.simulator.model.Population;
import dev.integrity.simulator.model.TruthFile;
import dev.integrity.simulator.send.HttpEventsEndpoint;
import dev.integrity.simulator.send.Progress;
import dev.integrity.simulator.send.Rejection;
import dev.integrity.simulator.send.SendFailedException;
import dev.integrity.simulator.send.SendReport;
import dev.integrity.simulator.send.Sender;
import dev.integrity.simulator.send.SenderOptions;
import dev.integrity.simulator.send.Sleeper;
import dev.integrity.simulator.traffic.EventIds;
import dev.integrity.simulator.traffic.NdjsonWriter;
import dev.integrity.simulator.traffic.TrafficGenerator;
import dev.integrity.simulator.traffic.TrafficWindow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./suite simulate}: population, traffic, sending, the follow-up after warnings, and the evaluation. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generates a labelled population and its traffic, sends it through the gateway, answers warnings the way "
                + "persistent and complying users do, then evaluates what the suite made of it.",
                "Exit codes: 0 done, 1 the gateway rejected events (a bug: they are printed), 2 error.", ""})
final class RunCommand extends CliCommand {

    private static final int PRINTED_REJECTIONS = 50;

    @Mixin
    AccountsOption populationSize = new AccountsOption(2000);

    @Option(names = "--hours", paramLabel = "H", defaultValue = "6", description = "hours of traffic, ending now (default: ${DEFAULT-VALUE})")
    double hours;

    @Option(names = "--seed", paramLabel = "S",
            description = "seed of the population and its traffic (default: the current time in seconds, printed)")
    Long seed;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "0",
            description = "events per second to send; 0 = as fast as the gateway takes them (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "2000", description = "events per request, at most 10000 (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4", description = "requests in flight (default: ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--token", paramLabel = "JWT", defaultValue = "${env:INGEST_TOKEN}",
            description = "ingest token (default: env INGEST_TOKEN, else ./suite token ingest)")
    String token;

    @Option(names = "--truth", paramLabel = "FILE", defaultValue = "target/simulation/truth.csv",
            description = "where to write the ground truth, CSV or .jsonl (default: ${DEFAULT-VALUE})")
    Path truth;

    @Option(names = "--follow-up-seconds", paramLabel = "S", defaultValue = "60",
            description = "how long PERSISTENT and COMPLIER accounts watch their inboxes and answer warnings; 0 = skip (default: ${DEFAULT-VALUE})")
    int followUpSeconds;

    @Option(names = "--no-evaluate", description = "stop after sending and the follow-up")
    boolean noEvaluate;

    @Option(names = "--dry-run", description = "write the events to --out as NDJSON instead of sending them")
    boolean dryRun;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "target/simulation/events.ndjson",
            description = "where --dry-run writes the events (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    EvaluationOptions evaluation;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = out();
        SenderOptions sending = new SenderOptions(batch, rate, concurrency, 30, Duration.ofSeconds(30));
        evaluation.options(); // a bad option fails before minutes of sending
        int accounts = populationSize.get(spec.commandLine());
        check(followUpSeconds >= 0, "--follow-up-seconds must not be negative");
        long s = seed != null ? seed : Instant.now().getEpochSecond();
        Instant now = Clock.systemUTC().instant();
        TrafficWindow window = TrafficWindow.endingAt(now, hours);
        Population population = Population.generate(s, accounts, now);
        TruthFile.write(truth, population.truth());
        w.printf(Locale.ROOT, "population: %,d accounts, seed %d (rerun with --seed %d): %s%n", accounts, s, s, describe(population.counts()));
        w.printf(Locale.ROOT, "  %d bot farms, %d follow-for-follow rings; truth in %s%n", population.farms().size(), population.rings().size(),
                truth);
        TrafficGenerator firstPass = new TrafficGenerator(population, window, new EventIds(s)); // written (dry run) or counted
        List<RunInfo.CrowdInfo> crowds = RunInfo.CrowdInfo.of(population, firstPass.crowdMoments());
        if (!crowds.isEmpty() && crowds.size() <= 4) {
            w.printf(Locale.ROOT, "  genuine crowds: %s%n", crowds.stream().map(RunCommand::describe).collect(Collectors.joining("; ")));
        } else if (!crowds.isEmpty()) { // a big population has dozens: the report lists them all
            w.printf(Locale.ROOT, "  genuine crowds: %s (each in the report's run.crowds)%n", crowds.stream()
                    .collect(Collectors.groupingBy(RunInfo.CrowdInfo::kind, () -> new EnumMap<>(Crowd.Kind.class), Collectors.toList()))
                    .entrySet().stream().map(e -> String.format(Locale.ROOT, "%d %s with %,d members", e.getValue().size(),
                            e.getKey().name().toLowerCase(Locale.ROOT), e.getValue().stream().mapToInt(RunInfo.CrowdInfo::members).sum()))
                    .collect(Collectors.joining(", ")));
        }

        if (dryRun) {
            long n = NdjsonWriter.write(out, firstPass);
            w.printf(Locale.ROOT, "dry run: %,d events from %s to %s written to %s%n", n, window.start(), window.end(), out);
            return 0;
        }

        TokenSource tokens = evaluation.api.tokens(token);
        String ingestToken = tokens.token(Role.INGEST, null);
        if (followUpSeconds > 0 || !noEvaluate) {
            tokens.token(Role.MODERATOR, null); // fail now rather than after minutes of sending
        }
        long total = firstPass.stream().count();
        w.printf(Locale.ROOT, "traffic: %,d events from %s to %s, to %s%n", total, window.start(), window.end(), evaluation.api.gateway.url);
        EventIds ids = new EventIds(s);
        Sender sender = new Sender(new HttpEventsEndpoint(evaluation.api.gateway.client(), evaluation.api.gateway.url, ingestToken), sending);
        SendReport sent;
        TrafficGenerator traffic = new TrafficGenerator(population, window, ids);
        try {
            sent = sender.send(traffic, Progress.forStderr("simulate", total));
        } catch (SendFailedException e) {
            w.println("sent before the failure: " + e.partial().summary());
            throw e;
        }
        w.println("sent: " + sent.summary());

        HttpSuiteApi suite = evaluation.api.suite(tokens);
        FollowUpReport followUp = FollowUpReport.skipped();
        List<SendReport> followUpSends = new ArrayList<>();
        if (followUpSeconds > 0 && population.accounts().stream().anyMatch(a -> a.archetype().reactsToWarnings())) {
            w.printf(Locale.ROOT, "follow-up: PERSISTENT and COMPLIER accounts watch their inboxes for %d s%n", followUpSeconds);
            FollowUp phase = new FollowUp(population, suite, new FollowUpTraffic(population, ids), events -> {
                SendReport r = sender.send(events);
                synchronized (followUpSends) {
                    followUpSends.add(r);
                }
            }, FollowUp.Options.defaults(Duration.ofSeconds(followUpSeconds)), Clock.systemUTC(), Sleeper.REAL, w);
            followUp = phase.run();
            w.println(followUp.summary());
            followUp.unreachable().forEach(u -> w.println("  inbox not readable: " + u));
        }
        SendReport followUpSent = followUpSends.stream().reduce(SendReport.empty(), SendReport::plus);

        if (!noEvaluate) {
            EvaluationReport report = evaluation.evaluate(suite, population.truth(), w);
            report = report.withRun(new RunInfo(s, accounts, population.counts(), hours, window.start(), window.end(), truth.toString(),
                    traffic.stats().byArchetype(), crowds, sent, followUp, followUpSent));
            evaluation.write(report, w);
        }
        return rejected(sent.plus(followUpSent), w);
    }

    private int rejected(SendReport all, PrintWriter w) {
        if (all.rejected() == 0) {
            return 0;
        }
        PrintWriter err = err();
        err.printf(Locale.ROOT, "error: the gateway rejected %,d events; every one is a bug:%n", all.rejected());
        List<Rejection> shown = all.rejections().subList(0, Math.min(PRINTED_REJECTIONS, all.rejections().size()));
        for (Rejection r : shown) {
            err.println("  " + r.describe());
            err.println("    " + r.eventJson());
        }
        if (all.rejected() > shown.size()) {
            err.printf(Locale.ROOT, "  … and %,d more%n", all.rejected() - shown.size());
        }
        err.flush();
        return SimulatorCli.REJECTED;
    }

    static String describe(RunInfo.CrowdInfo c) {
        String whom = switch (c.kind()) {
            case FLASH -> "fans of " + c.targets().getFirst();
            case BAND -> "fans of a band of " + c.targets().size();
            case GIVEAWAY -> "entrants following " + c.targets().size() + " loop accounts";
        };
        return String.format(Locale.ROOT, "%s %d %s at %s", c.id(), c.members(), whom, c.moment());
    }

    static String describe(Map<Archetype, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
