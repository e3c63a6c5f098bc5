package dev.integrity.gateway.rest;

import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.contract.AccountIds;
import dev.integrity.gateway.client.DownstreamClient;
import dev.integrity.gateway.client.DownstreamResponse;
import dev.integrity.contract.enforcement.EnforcementStatus;
import io.smallrye.mutiny.Uni;

/** Enforcements for moderators: the list, an enforcement's impact, approve / reject / revert. */
@Path("/api/v1/enforcements")
@Tag(name = "enforcements")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class EnforcementsResource {

    private final DownstreamClient scoring;
    private final DownstreamClient ingest;

    public EnforcementsResource(@Named("scoring") DownstreamClient scoring, @Named("ingest") DownstreamClient ingest) {
        this.scoring = scoring;
        this.ingest = ingest;
    }

    @GET
    @Operation(summary = "Enforcements, newest first; filter by status and account; pages of limit (1..1000) with a Link rel=next header while more remain")
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("accountId") String accountId,
            @QueryParam("limit") String limit, @QueryParam("after") String after) {
        if (status != null && !status.isBlank() && Stream.of(EnforcementStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw new BadRequestException("status must be one of "
                    + Stream.of(EnforcementStatus.values()).map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
        if (accountId != null && !accountId.isBlank() && !AccountIds.isValid(accountId)) {
            throw new BadRequestException("accountId must be " + AccountIds.RULE + ".");
        }
        Ids.limit(limit, 1000);
        String filters = Ids.join(Ids.query("status", status), Ids.query("accountId", accountId), Ids.query("limit", limit));
        return scoring.get("/enforcements" + Ids.search(filters, Ids.query("after", after)))
                .map(r -> Links.withNext(r, "/api/v1/enforcements", filters));
    }

    @GET
    @Path("{id}/audit")
    @Operation(summary = "Every move of the enforcement, oldest first: when, by whom (model, guard or a moderator), from, to, and the note")
    public Uni<Response> audit(@PathParam("id") String id) {
        return scoring.get("/enforcements/" + Ids.check("enforcement", id) + "/audit").map(DownstreamResponse::toResponse);
    }

    @GET
    @Path("{id}/impact")
    @Operation(summary = "Per receiving account: followers before and after, likes and comments removed")
    public Uni<Response> impact(@PathParam("id") String id) {
        return ingest.get("/enforcements/" + Ids.check("enforcement", id) + "/impact").map(DownstreamResponse::toResponse);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Apply a HELD (or PROPOSED) enforcement; 409 from any other status")
    public Uni<Response> approve(@PathParam("id") String id) {
        return move(id, "approve");
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject a HELD (or PROPOSED) enforcement; 409 from any other status")
    public Uni<Response> reject(@PathParam("id") String id) {
        return move(id, "reject");
    }

    @POST
    @Path("{id}/revert")
    @Operation(summary = "Revert an APPLIED enforcement: every removed follow, like and comment comes back; 409 otherwise")
    public Uni<Response> revert(@PathParam("id") String id) {
        return move(id, "revert");
    }

    private Uni<Response> move(String id, String action) {
        return scoring.post("/enforcements/" + Ids.check("enforcement", id) + "/" + action).map(DownstreamResponse::toResponse);
    }
}
