package io.vodflow.processor.ingest;

import io.vodflow.contract.event.NewFileUpload;
import io.vodflow.processor.outbox.FinishedBeforeLink;
import io.vodflow.processor.outbox.MediaEventFactory;
import io.vodflow.processor.project.AttributionPolicy;
import io.vodflow.processor.project.BatchProjector;
import io.vodflow.processor.project.ProjectionPlan;
import io.vodflow.processor.store.DedupeRepository;
import io.vodflow.processor.store.OutboxRepository;
import io.vodflow.processor.store.ProjectionRepository;
import io.vodflow.processor.store.SignatureRepository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes one batch in one transaction: claim dedupe ids, lock the claimed signatures, write the whole projection
 * in one multi-table statement, then the outbox events for what changed. Either all of it commits or none.
 */
public class BatchWriter {
    private final TransactionalOperator tx;
    private final DedupeRepository dedupe;
    private final SignatureRepository signatures;
    private final ProjectionRepository projection;
    private final OutboxRepository outbox;
    private final AttributionPolicy attribution;
    private final BatchProjector projector;
    private final MediaEventFactory events;
    private final FinishedBeforeLink finishedBeforeLink;

    public BatchWriter(TransactionalOperator tx, DedupeRepository dedupe, SignatureRepository signatures,
                       ProjectionRepository projection, OutboxRepository outbox, AttributionPolicy attribution, BatchProjector projector,
                       MediaEventFactory events, FinishedBeforeLink finishedBeforeLink) {
        this.tx = tx;
        this.finishedBeforeLink = finishedBeforeLink;
        this.dedupe = dedupe;
        this.signatures = signatures;
        this.projection = projection;
        this.outbox = outbox;
        this.attribution = attribution;
        this.projector = projector;
        this.events = events;
    }

    /** Applies the parsed records (offset order); safe to call again with the same records after a failure. */
    public Mono<BatchOutcome> write(List<DecodedRecord.Parsed> parsed, int rejected) {
        // the first record with a given dedupe id wins; later copies in the same batch are duplicates
        Map<String, DecodedRecord.Parsed> unique = new LinkedHashMap<>();
        parsed.forEach(p -> unique.putIfAbsent(p.dedupeId(), p));
        List<DedupeRepository.Claim> claims = unique.values().stream()
                .map(p -> new DedupeRepository.Claim(p.dedupeId(), p.event().eventType())).toList();
        Mono<BatchOutcome> work = dedupe.claim(claims).flatMap(fresh -> {
            List<BatchProjector.Input> inputs = new ArrayList<>();
            Map<UUID, Set<String>> filesBySignature = new HashMap<>();
            for (DecodedRecord.Parsed p : unique.values()) {
                if (!fresh.contains(p.dedupeId())) {
                    continue;
                }
                inputs.add(new BatchProjector.Input(p.event(), p.dedupeId(), p.receivedAtMillis(), p.record().value(),
                        p.subAppId()));
                if (p.event() instanceof NewFileUpload u) {
                    attribution.claimedSignature(u.sourceContext()).ifPresent(id -> {
                        Set<String> files = filesBySignature.computeIfAbsent(id, k -> new HashSet<>());
                        if (u.fileId() != null) {
                            files.add(u.fileId());
                        }
                    });
                }
            }
            if (inputs.isEmpty()) {
                return Mono.just(new BatchOutcome(parsed.size() + rejected, 0, parsed.size(), rejected, 0, 0, 0));
            }
            return signatures.lock(filesBySignature.keySet(), contested(filesBySignature))
                    .map(locked -> projector.plan(inputs, locked.signatures(), locked.attributedFiles()))
                    .flatMap(plan -> apply(plan, inputs.size(), parsed.size() - inputs.size(), rejected));
        });
        return tx.transactional(work);
    }

    /**
     * The files of signatures that several upload events of the batch claim: only there can a claim that loses (its
     * file attributed by an earlier batch) turn another upload of the batch into a conflict, so only those files are
     * looked up; the usual batch, one claim per signature, costs no lookup.
     */
    private static Set<String> contested(Map<UUID, Set<String>> filesBySignature) {
        Set<String> files = new HashSet<>();
        filesBySignature.values().stream().filter(f -> f.size() > 1).forEach(files::addAll);
        return files;
    }

    private Mono<BatchOutcome> apply(ProjectionPlan plan, int applied, int duplicates, int rejected) {
        return projection.write(plan).flatMap(written -> finishedBeforeLink.of(events.finishedBeforeLink(plan, written.media()))
                .flatMap(earlier -> {
                    List<OutboxRepository.Entry> entries = events.events(plan, written.media(), written.changedTasks(), earlier);
                    return outbox.append(entries).thenReturn(new BatchOutcome(applied + duplicates + rejected, applied, duplicates,
                            rejected, written.newConflicts(), written.newUnknowns(), entries.size()));
                }));
    }
}
