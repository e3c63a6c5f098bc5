package dev.integrity.bench.cli;

import dev.integrity.bench.kafka.KafkaConnection;
import dev.integrity.model.cli.CliCommand;
import dev.integrity.bench.ops.DeadLetterQuery;
import dev.integrity.bench.ops.DeadLetterReader;
import dev.integrity.bench.ops.DeadLetterRecord;
import dev.integrity.bench.ops.DeadLetterReplay;
import dev.integrity.bench.ops.Since;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./suite dlq}: the dead letters on account-events.dlq and enforcement.dlq with their errors;
 * {@code ./suite dlq replay} republishes them to where they came from.
 */
@Command(name = "dlq", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Lists the dead letters: records a consumer could not process and parked on account-events.dlq or "
                + "enforcement.dlq, each with its error (dead-letter-reason) and where it came from (dead-letter-topic, -partition, "
                + "-offset). Reads without a consumer group: listing changes nothing.",
                "Exit codes: 0 done, 2 error (Kafka not reachable, a bad option).", ""},
        subcommands = {DlqCommand.Replay.class})
final class DlqCommand extends CliCommand {

    /** The options both commands share: where Kafka is and which dead letters. */
    static final class Selection {

        @Mixin
        KafkaOption kafka;

        @Option(names = {"--topic", "-t"}, paramLabel = "TOPIC",
                description = "only dead letters from this original topic (e.g. account-events, enforcement.decided); a name ending in "
                        + ".dlq reads that dead-letter topic alone (default: both, every origin)")
        String topic;

        @Option(names = "--since", paramLabel = "WHEN", description = "only dead letters written since then: " + Since.FORMATS)
        String since;

        @Option(names = "--key", paramLabel = "KEY", description = "only dead letters with this record key (an accountId or enforcementId)")
        String key;

        @Mixin
        TimeoutOption timeout;

        DeadLetterQuery query(CommandLine commandLine) {
            timeout.check(commandLine);
            Instant from = null;
            if (since != null) {
                try {
                    from = Since.parse(since, Clock.systemUTC());
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(commandLine, e.getMessage());
                }
            }
            return DeadLetterQuery.of(topic, key, from);
        }

        KafkaConnection kafka() {
            return kafka.connect(timeout);
        }
    }

    @Mixin
    Selection selection;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "show the newest N of them (default: ${DEFAULT-VALUE}); the counts cover all")
    int limit;

    @Option(names = "--value-chars", paramLabel = "N", defaultValue = "160", description = "characters of each value shown (default: ${DEFAULT-VALUE})")
    int valueChars;

    @Override
    public Integer call() {
        DeadLetterQuery query = selection.query(spec.commandLine());
        check(limit >= 0 && valueChars >= 0, "--limit and --value-chars must be 0 or more");
        PrintWriter out = out();
        Deque<DeadLetterRecord> newest = new ArrayDeque<>();
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        query.dlqTopics().forEach(t -> counts.put(t, new TreeMap<>()));
        int[] matched = {0};
        try (KafkaConnection kafka = selection.kafka()) {
            new DeadLetterReader(kafka).read(query, d -> {
                matched[0]++;
                counts.get(d.dlqTopic()).merge(d.origin().map(DeadLetterRecord.Origin::topic).orElse("(unknown origin)"), 1, Integer::sum);
                if (limit > 0) {
                    if (newest.size() == limit) {
                        newest.removeFirst();
                    }
                    newest.addLast(d);
                }
            });
        }
        for (DeadLetterRecord d : newest) {
            out.printf(Locale.ROOT, "%s  %s  from %s  key %s%n", d.position(), d.timestamp().truncatedTo(ChronoUnit.SECONDS),
                    d.origin().map(Object::toString).orElse("(unknown origin)"), d.key() == null ? "(none)" : d.keyText());
            out.printf(Locale.ROOT, "    error: %s%n", d.reason());
            if (valueChars > 0) {
                out.printf(Locale.ROOT, "    value: %s%n", d.valuePreview(valueChars));
            }
        }
        if (!newest.isEmpty()) {
            out.println();
        }
        for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
            int n = e.getValue().values().stream().mapToInt(Integer::intValue).sum();
            List<String> from = new ArrayList<>();
            e.getValue().forEach((origin, count) -> from.add(origin + ": " + count));
            out.printf(Locale.ROOT, "%s: %,d dead letter%s%s%n", e.getKey(), n, n == 1 ? "" : "s", from.isEmpty() ? "" : " (from " + String.join(", ", from) + ")");
        }
        if (matched[0] > newest.size()) {
            out.printf(Locale.ROOT, "showing the newest %d of %,d (--limit)%n", newest.size(), matched[0]);
        }
        out.flush();
        return 0;
    }

    /** {@code ./suite dlq replay}: back to the original topic, once per original record. */
    @Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Republishes dead letters to where their records came from, after the cause is fixed: the original topic and "
                    + "partition, with exactly the original key, value and headers (the dead-letter-* headers removed). A record several "
                    + "consumer groups gave up is republished once. The dead letters stay where they are.",
                    "Safe to run twice: the consumers are idempotent (account events by eventId, enforcement messages and appeal decisions "
                            + "by enforcementId), so a record they have already processed is skipped. A record that still fails becomes a "
                            + "dead letter again.",
                    "Exit codes: 0 done (also when there was nothing to replay), 1 some records could not be republished, 2 error.", ""})
    static final class Replay extends CliCommand {

        /** Exit code: some records could not be republished. */
        static final int SOME_FAILED = 1;

        @Mixin
        Selection selection;

        @Option(names = "--dry-run", description = "say what would be republished, and republish nothing")
        boolean dryRun;

        @Override
        public Integer call() {
            // 'dlq --since 1h replay' would give the options to the listing and replay everything: refuse it.
            CommandLine parent = spec.parent().commandLine();
            check(parent.getParseResult() == null || parent.getParseResult().matchedOptions().isEmpty(),
                    "options go after 'replay' (./suite dlq replay --topic T --since WHEN)");
            DeadLetterQuery query = selection.query(spec.commandLine());
            PrintWriter out = out();
            PrintWriter err = err();
            List<DeadLetterRecord> found = new ArrayList<>();
            DeadLetterReplay.Result result;
            try (KafkaConnection kafka = selection.kafka()) {
                new DeadLetterReader(kafka).read(query, found::add);
                DeadLetterReplay.Plan plan = DeadLetterReplay.plan(found);
                if (dryRun) {
                    plan.replay().forEach(d -> out.printf(Locale.ROOT, "would republish %s to %s  key %s%n", d.position(),
                            d.origin().orElseThrow(), d.key() == null ? "(none)" : d.keyText()));
                }
                result = new DeadLetterReplay(kafka).run(plan, dryRun);
            }
            List<String> to = new ArrayList<>();
            result.byTopic().forEach((topic, n) -> to.add(topic + ": " + n));
            out.printf(Locale.ROOT, "%s %,d record%s%s from %,d dead letter%s%n", dryRun ? "would replay" : "replayed", result.records(),
                    result.records() == 1 ? "" : "s", to.isEmpty() ? "" : " (" + String.join(", ", to) + ")", result.deadLetters(),
                    result.deadLetters() == 1 ? "" : "s");
            if (result.duplicates() > 0) {
                out.printf(Locale.ROOT, "  %,d dead letter%s named a record already replayed (several consumer groups gave it up): sent once%n",
                        result.duplicates(), result.duplicates() == 1 ? "" : "s");
            }
            if (result.withoutOrigin() > 0) {
                out.printf(Locale.ROOT, "  %,d skipped: no dead-letter-topic, -partition and -offset headers to say where %s came from%n",
                        result.withoutOrigin(), result.withoutOrigin() == 1 ? "it" : "they");
            }
            if (result.toDeadLetterTopic() > 0) {
                out.printf(Locale.ROOT, "  %,d skipped: their origin is itself a dead-letter topic%n", result.toDeadLetterTopic());
            }
            out.flush();
            result.failures().forEach(f -> err.println("not replayed: " + f));
            err.flush();
            return result.failed() > 0 ? SOME_FAILED : 0;
        }
    }
}
