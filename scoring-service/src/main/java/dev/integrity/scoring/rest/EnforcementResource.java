package dev.integrity.scoring.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.scoring.model.Enforcement;
import dev.integrity.scoring.repository.EnforcementRepository;
import dev.integrity.support.security.Caller;
import dev.integrity.scoring.service.EnforcementService;
import io.smallrye.mutiny.Uni;

/**
 * Internal: the enforcement list, one enforcement with its audit trail, and the moderator's moves. Role
 * {@code moderator}, as at the gateway.
 */
@Path("/enforcements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class EnforcementResource {

    /** An enforcement as the public API shows it. */
    public record EnforcementView(String id, String accountId, EnforcementAction action, int strike, EnforcementStatus status, List<String> reasons,
            Removed removed, Instant createdAt, String decidedBy, String modelVersion, String heldReason, String groupId,
            List<String> apps) {

        static EnforcementView of(Enforcement e) {
            return new EnforcementView(e.id(), e.accountId(), e.action(), e.strike(), e.status(), e.reasons(), e.removed(),
                    e.createdAt(), e.decidedBy(), e.modelVersion(), e.heldReason(), e.groupId(), e.scope().apps());
        }
    }

    @Inject
    EnforcementRepository enforcements;
    @Inject
    EnforcementService lifecycle;
    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Enforcements, newest first, filtered by status and account; Next-Cursor names the next page while more remain")
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("accountId") String accountId,
            @QueryParam("limit") @DefaultValue("200") int limit, @QueryParam("after") String after) {
        EnforcementStatus wanted = status == null || status.isBlank() ? null : Params.oneOf("status", status, EnforcementStatus.class);
        Params.limit(limit, 1000);
        PageCursor from = PageCursor.decode(after);
        return enforcements.list(wanted, accountId, from == null ? null : from.createdAt(), from == null ? null : from.id(), limit + 1)
                .map(list -> PageCursor.page(list, limit, EnforcementView::of, e -> new PageCursor(e.createdAt(), e.id())));
    }

    @GET
    @Path("{id}")
    public Uni<EnforcementView> get(@PathParam("id") String id) {
        return enforcements.find(id).map(e -> {
            if (e == null) {
                throw new NotFoundException("No enforcement '" + id + "'.");
            }
            return EnforcementView.of(e);
        });
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "Every move of the enforcement: from, to, who, why, when")
    public Uni<List<EnforcementRepository.AuditLine>> audit(@PathParam("id") String id) {
        return enforcements.find(id).chain(e -> {
            if (e == null) {
                return Uni.createFrom().failure(new NotFoundException("No enforcement '" + id + "'."));
            }
            return enforcements.audit(id);
        });
    }

    @POST
    @Path("{id}/approve")
    public Uni<EnforcementView> approve(@PathParam("id") String id) {
        return lifecycle.approve(id, actor(caller.subject()), "approved").map(EnforcementView::of);
    }

    @POST
    @Path("{id}/reject")
    public Uni<EnforcementView> reject(@PathParam("id") String id) {
        return lifecycle.reject(id, actor(caller.subject()), "rejected").map(EnforcementView::of);
    }

    @POST
    @Path("{id}/revert")
    public Uni<EnforcementView> revert(@PathParam("id") String id) {
        return lifecycle.revert(id, actor(caller.subject()), "reverted").map(EnforcementView::of);
    }

    /** Who moved an enforcement, for its audit: the moderator in the verified token's sub. */
    static String actor(String subject) {
        return subject == null || subject.isBlank() ? "moderator" : "moderator:" + subject;
    }
}
