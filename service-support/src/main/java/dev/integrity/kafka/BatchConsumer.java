package dev.integrity.kafka;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecords;

import io.micrometer.core.instrument.DistributionSummary;
import io.smallrye.mutiny.Uni;

/**
 * What a consumer of Kafka batches does alike: reads each record (counting the batch's size), sends the
 * unusable ones to their dead-letter topic, then works on the rest, retrying with back-off until it is
 * done (the partition waits, nothing is skipped). The offsets are committed when the returned Uni is.
 */
public final class BatchConsumer<T> {

    private final RecordReader<T> reader;
    private final DeadLetter.Route deadLetter;
    private final DistributionSummary batchSizes;

    public BatchConsumer(RecordReader<T> reader, DeadLetter.Route deadLetter, DistributionSummary batchSizes) {
        this.reader = reader;
        this.deadLetter = deadLetter;
        this.batchSizes = batchSizes;
    }

    /**
     * @param work    the work on the batch's usable records, asked for once; retrying resubscribes to it
     * @param onRetry told each failure of the work that will be retried (to log it)
     */
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records, Function<RecordBatch<T>, Uni<Void>> work, Consumer<Throwable> onRetry) {
        batchSizes.record(records.count());
        RecordBatch<T> batch = RecordBatch.read(records, reader);
        List<Uni<Void>> dead = batch.unusable().stream().map(u -> deadLetter.send(u.record(), u.problem())).toList();
        Uni<Void> deadLettered = dead.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(dead).andFailFast().replaceWithVoid();
        return deadLettered.chain(() -> Retries.untilDone(work.apply(batch), onRetry));
    }
}
