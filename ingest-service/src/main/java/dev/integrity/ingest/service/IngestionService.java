package dev.integrity.ingest.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.integrity.contract.AccountEvent;
import dev.integrity.contract.EventValidator;
import dev.integrity.contract.FieldError;
import dev.integrity.ingest.messaging.EventPublisher;
import dev.integrity.ingest.model.IngestResult;
import dev.integrity.ingest.model.RawEvent;
import dev.integrity.ingest.model.RejectedEvent;
import dev.integrity.ingest.repository.LedgerRepository;
import dev.integrity.ingest.repository.SeenEventIds;
import io.smallrye.mutiny.Uni;

/**
 * Takes a request body to Kafka: parse, validate every event, drop duplicates (within the batch
 * and against every eventId seen before), publish the rest, and answer only once Kafka holds them.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);

    @Inject
    EventBodyParser parser;
    @Inject
    EventValidator validator;
    @Inject
    SeenEventIds seen;
    @Inject
    EventPublisher publisher;
    @Inject
    LedgerRepository ledger;
    @Inject
    IngestMetrics metrics;

    public Uni<IngestResult> ingest(byte[] body, boolean ndjson) {
        Batch batch = validate(parser.parse(body, ndjson));
        metrics.events("rejected").increment(batch.rejected.size());
        if (batch.valid.isEmpty()) {
            throw new NoValidEventException(batch.rejected);
        }
        List<String> ids = batch.valid.stream().map(AccountEvent::eventId).toList();
        return seen.claim(ids)
                .onFailure().transform(e -> new DependencyUnavailableException("Redis is unavailable: cannot check for duplicates", e))
                .chain(this::withoutLedgered)
                .chain(claimed -> {
                    List<AccountEvent> fresh = batch.valid.stream().filter(e -> claimed.contains(e.eventId())).toList();
                    int duplicates = batch.duplicatesInBatch + batch.valid.size() - fresh.size();
                    return publishAll(fresh).map(ignored -> answer(fresh.size(), duplicates, batch.rejected));
                });
    }

    /**
     * Drops ids the ledger already holds (Redis is the fast check; the ledger's unique key is the
     * backstop if Redis lost keys), and confirms those as published in Redis, so that a repeat is
     * answered by Redis again rather than by PostgreSQL. If PostgreSQL is unreachable ingestion goes
     * on with Redis alone.
     */
    private Uni<Set<String>> withoutLedgered(Set<String> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(claimed);
        }
        return ledger.alreadyProcessed(List.copyOf(claimed))
                .call(ledgered -> ledgered.isEmpty() ? Uni.createFrom().voidItem()
                        : seen.confirm(List.copyOf(ledgered)).onFailure().recoverWithNull())
                .map(ledgered -> {
                    Set<String> fresh = new HashSet<>(claimed);
                    fresh.removeAll(ledgered);
                    return fresh;
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("ledger check for duplicates skipped: %s", e.getMessage());
                    return claimed;
                });
    }

    private Uni<Void> publishAll(List<AccountEvent> fresh) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return publisher.publish(fresh).call(unacknowledged -> confirmPublished(fresh, unacknowledged)).chain(unacknowledged -> {
            if (unacknowledged.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            LOG.warnf("Kafka did not acknowledge %d of %d events (first eventId=%s); releasing them for retry",
                    unacknowledged.size(), fresh.size(), unacknowledged.getFirst().eventId());
            List<String> failedIds = unacknowledged.stream().map(AccountEvent::eventId).toList();
            DependencyUnavailableException failure = new DependencyUnavailableException("Kafka did not acknowledge "
                    + unacknowledged.size() + " of " + fresh.size() + " events; send the request again", null);
            return seen.release(failedIds).onItemOrFailure().transformToUni((ok, error) -> Uni.createFrom().failure(failure));
        });
    }

    /**
     * Confirms the acknowledged ids as published. If Redis cannot take that now, their claims expire
     * in flight and a repeat of those events is published again (the consumers drop it by eventId):
     * the request is not failed for it.
     */
    private Uni<Void> confirmPublished(List<AccountEvent> fresh, List<AccountEvent> unacknowledged) {
        Set<String> failed = new HashSet<>(unacknowledged.stream().map(AccountEvent::eventId).toList());
        List<String> published = fresh.stream().map(AccountEvent::eventId).filter(id -> !failed.contains(id)).toList();
        return seen.confirm(published).onFailure().recoverWithUni(e -> {
            LOG.warnf("could not confirm %d published eventIds in Redis (a repeat will be published again): %s", published.size(),
                    e.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    private IngestResult answer(int accepted, int duplicates, List<RejectedEvent> rejected) {
        metrics.events("accepted").increment(accepted);
        metrics.events("duplicate").increment(duplicates);
        LOG.debugf("batch ingested: accepted=%d duplicates=%d rejected=%d", accepted, duplicates, rejected.size());
        return new IngestResult(accepted, duplicates, rejected);
    }

    private Batch validate(List<RawEvent> raw) {
        Batch batch = new Batch();
        Set<String> idsInBatch = new HashSet<>();
        for (RawEvent event : raw) {
            if (event.parseError() != null) {
                batch.rejected.add(new RejectedEvent(event.index(), null, List.of(new FieldError("", event.parseError()))));
                continue;
            }
            EventValidator.Validation result = validator.validate(event.json());
            if (!result.isValid()) {
                batch.rejected.add(new RejectedEvent(event.index(), result.eventId(), result.errors()));
            } else if (!idsInBatch.add(result.event().eventId())) {
                batch.duplicatesInBatch++;
            } else {
                batch.valid.add(result.event());
            }
        }
        return batch;
    }

    private static final class Batch {
        final List<AccountEvent> valid = new ArrayList<>();
        final List<RejectedEvent> rejected = new ArrayList<>();
        int duplicatesInBatch;
    }
}
