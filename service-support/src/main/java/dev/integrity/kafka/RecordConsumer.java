package dev.integrity.kafka;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import dev.integrity.observability.LogContext;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.mutiny.Uni;

/**
 * What a consumer of single records does alike: reads the record (an unusable one goes to its dead-letter
 * topic and the partition moves on), then runs the work in the trace the record carries, with the ids it
 * is about on every log line, retrying with back-off while the failure is transient; a permanent failure
 * sends the record to its dead-letter topic too. The offset is committed when the returned Uni is.
 */
public final class RecordConsumer<T> {

    /**
     * The work on one value: the ids its log lines carry, what it is (for "... failed, retrying" and the
     * dead letter's reason), and the work itself, asked for again on each retry.
     */
    public record Work(LogContext.Ids ids, String what, Supplier<Uni<Void>> run) {
    }

    private static final Logger LOG = Logger.getLogger(RecordConsumer.class);

    private final RecordReader<T> reader;
    private final DeadLetter.Route deadLetter;
    private final TextMapPropagator propagator;
    private final Supplier<Predicate<Throwable>> permanent;

    /**
     * @param permanent makes, for each record, the test of a failure retrying cannot cure (see
     *                  {@link Retries#whileTransient}); such a failure is the database refusing the work
     */
    public RecordConsumer(RecordReader<T> reader, DeadLetter.Route deadLetter, TextMapPropagator propagator,
            Supplier<Predicate<Throwable>> permanent) {
        this.reader = reader;
        this.deadLetter = deadLetter;
        this.propagator = propagator;
        this.permanent = permanent;
    }

    /** Every failure is retried: the work waits out any outage. */
    public static Supplier<Predicate<Throwable>> neverPermanent() {
        return () -> failure -> false;
    }

    /** Reads the record and works on what it holds (nothing when the reader found no work in it). */
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record, Function<T, Work> work) {
        T value;
        try {
            value = reader.read(record.value());
        } catch (UnusableRecordException e) {
            return deadLetter.send(record, e.getMessage());
        }
        if (value == null) {
            return Uni.createFrom().voidItem();
        }
        Work w = work.apply(value);
        Predicate<Throwable> isPermanent = permanent.get();
        return LogContext.around(TraceHeaders.extract(propagator, record.headers()), w.ids(),
                () -> Retries.whileTransient(Uni.createFrom().deferred(() -> w.run().get()), isPermanent,
                        e -> LOG.warnf("%s failed, retrying: %s", w.what(), e.toString()))
                        .onFailure().recoverWithUni(e -> deadLetter.send(record, w.what() + " rejected by the database: " + e.getMessage())));
    }
}
