package dev.integrity.scoring.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.integrity.contract.enforcement.Removed;
import dev.integrity.contract.review.CaseKind;
import dev.integrity.contract.review.CaseStatus;
import dev.integrity.scoring.decision.CaseRules;
import dev.integrity.scoring.model.Enforcement;
import dev.integrity.scoring.model.ReviewCase;
import dev.integrity.scoring.repository.CaseRepository;
import dev.integrity.scoring.repository.EnforcementRepository;
import dev.integrity.support.security.Caller;
import dev.integrity.scoring.service.CaseService;
import io.smallrye.mutiny.Uni;

/**
 * Internal: the review case queue, one case with its impact, evidence and audit, and one decision for a
 * whole case. Role {@code moderator}, as at the gateway.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class CaseResource {

    /** A case as the queue shows it. */
    public record CaseSummary(String id, CaseKind kind, CaseStatus status, String title, List<String> enforcementIds, int held,
            Removed removed, int receivers, Instant createdAt, Instant closedAt) {

        static CaseSummary of(ReviewCase c, List<Enforcement> members) {
            CaseRules.Figures f = CaseRules.figures(c.status(), members);
            return new CaseSummary(c.id(), c.kind(), c.status(), c.title(), f.enforcementIds(), f.held(), f.removed(), f.receivers(),
                    c.createdAt(), c.closedAt());
        }
    }

    /** A case with what a moderator needs to decide it. */
    public record CaseDetail(String id, CaseKind kind, CaseStatus status, String title, List<String> enforcementIds, int held,
            Removed removed, int receivers, Instant createdAt, Instant closedAt, List<CaseRules.ReceiverLoss> impact,
            CaseRules.Evidence evidence, List<EnforcementRepository.MemberAuditLine> audit) {
    }

    public record CasePage(List<CaseSummary> items, String next) {
    }

    /** The body of a case decision. */
    public record DecideCase(String decision, String note, Integer expectedEnforcements) {
    }

    static final int MAX_NOTE = 2000;

    @Inject
    CaseRepository cases;
    @Inject
    EnforcementRepository enforcements;
    @Inject
    CaseService service;
    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Review cases of a status (default OPEN), oldest first, by cursor")
    public Uni<CasePage> list(@QueryParam("status") @DefaultValue("OPEN") String status, @QueryParam("kind") String kind,
            @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("50") int limit) {
        CaseStatus wanted = Params.oneOf("status", status, CaseStatus.class);
        CaseKind ofKind = kind == null || kind.isBlank() ? null : Params.oneOf("kind", kind, CaseKind.class);
        Params.limit(limit, 200);
        PageCursor from = PageCursor.decode(after);
        return cases.page(wanted, ofKind, from == null ? null : from.createdAt(), from == null ? null : from.id(), limit + 1)
                .chain(page -> {
                    List<ReviewCase> shown = page.size() > limit ? page.subList(0, limit) : page;
                    String next = page.size() > limit ? new PageCursor(shown.getLast().createdAt(), shown.getLast().id()).encode() : null;
                    if (shown.isEmpty()) {
                        return Uni.createFrom().item(new CasePage(List.of(), null));
                    }
                    return enforcements.inCases(shown.stream().map(ReviewCase::id).toList()).map(members -> {
                        Map<String, List<Enforcement>> byCase = new LinkedHashMap<>();
                        members.forEach(e -> byCase.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e));
                        return new CasePage(shown.stream().map(c -> CaseSummary.of(c, byCase.getOrDefault(c.id(), List.of()))).toList(), next);
                    });
                });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A case: its members' summed impact per receiving account, the evidence, and every member's audit")
    public Uni<CaseDetail> get(@PathParam("id") String id) {
        return detail(id);
    }

    @POST
    @Path("{id}/decide")
    @Operation(summary = "Approve or reject every held member at once; 409 when the case changed since it was read")
    public Uni<CaseDetail> decide(@PathParam("id") String id, DecideCase body) {
        Params.body(body, "{\"decision\": \"APPROVE\"|\"REJECT\", \"note\": \"…\", \"expectedEnforcements\": n}");
        CaseService.Decision decision = Params.oneOf("decision", body.decision(), CaseService.Decision.class);
        String note = Params.text("note", body.note(), MAX_NOTE);
        if (body.expectedEnforcements() == null || body.expectedEnforcements() < 0) {
            throw new BadRequestException("expectedEnforcements is required: the number of held enforcements the case showed when you read it.");
        }
        return service.decide(id, decision, note, body.expectedEnforcements(), EnforcementResource.actor(caller.subject())).chain(() -> detail(id));
    }

    private Uni<CaseDetail> detail(String id) {
        return cases.find(id).chain(c -> {
            if (c == null) {
                return Uni.createFrom().failure(new NotFoundException("No case '" + id + "'."));
            }
            return enforcements.inCases(List.of(id)).chain(members -> {
                Set<String> ids = new HashSet<>(members.stream().map(Enforcement::id).toList());
                return enforcements.audit(ids).map(audit -> {
                    CaseSummary s = CaseSummary.of(c, members);
                    return new CaseDetail(s.id(), s.kind(), s.status(), s.title(), s.enforcementIds(), s.held(), s.removed(), s.receivers(),
                            s.createdAt(), s.closedAt(), CaseRules.impact(c.status(), members), CaseRules.evidence(c.groupId(), members), audit);
                });
            });
        });
    }
}
