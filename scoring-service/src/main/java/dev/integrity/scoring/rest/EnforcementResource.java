package dev.integrity.scoring.rest;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.integrity.contract.enforcement.EnforcementAction;
import dev.integrity.contract.enforcement.EnforcementStatus;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.scoring.model.Enforcement;
import dev.integrity.scoring.repository.EnforcementRepository;
import dev.integrity.scoring.service.EnforcementService;
import io.smallrye.mutiny.Uni;

/** Internal: the enforcement list, one enforcement with its audit trail, and the moderator's moves. */
@Path("/enforcements")
@Produces(MediaType.APPLICATION_JSON)
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

    private final EnforcementRepository enforcements;
    private final EnforcementService lifecycle;

    public EnforcementResource(EnforcementRepository enforcements, EnforcementService lifecycle) {
        this.enforcements = enforcements;
        this.lifecycle = lifecycle;
    }

    @GET
    @Operation(summary = "Enforcements, newest first, filtered by status and account")
    public Uni<List<EnforcementView>> list(@QueryParam("status") String status, @QueryParam("accountId") String accountId,
            @QueryParam("limit") @DefaultValue("200") int limit) {
        EnforcementStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = EnforcementStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("status must be one of " + java.util.Arrays.toString(EnforcementStatus.values()));
            }
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000");
        }
        return enforcements.list(wanted, accountId, limit).map(list -> list.stream().map(EnforcementView::of).toList());
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
        return enforcements.audit(id);
    }

    @POST
    @Path("{id}/approve")
    public Uni<EnforcementView> approve(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        return lifecycle.approve(id, actor(actor)).map(EnforcementView::of);
    }

    @POST
    @Path("{id}/reject")
    public Uni<EnforcementView> reject(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        return lifecycle.reject(id, actor(actor)).map(EnforcementView::of);
    }

    @POST
    @Path("{id}/revert")
    public Uni<EnforcementView> revert(@PathParam("id") String id, @HeaderParam("X-Actor") String actor) {
        return lifecycle.revert(id, actor(actor)).map(EnforcementView::of);
    }

    private static String actor(String header) {
        return header == null || header.isBlank() ? "moderator" : "moderator:" + header;
    }
}
