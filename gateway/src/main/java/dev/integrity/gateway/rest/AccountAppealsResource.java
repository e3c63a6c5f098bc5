package dev.integrity.gateway.rest;


import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.gateway.client.DownstreamClient;
import dev.integrity.support.security.Caller;
import io.smallrye.mutiny.Uni;

/** An account's appeals (contract 6.3): its own user files and reads them; moderators read them too. */
@Path("/api/v1/accounts/{id}/appeals")
@Tag(name = "appeals")
@Produces(MediaType.APPLICATION_JSON)
public class AccountAppealsResource {

    private final DownstreamClient scoring;
    private final Caller caller;

    public AccountAppealsResource(@Named("scoring") DownstreamClient scoring, Caller caller) {
        this.scoring = scoring;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("user")
    @Operation(summary = "Appeal one of your own APPLIED enforcements: 201; 409 when appealed already; 404 when not yours")
    public Uni<Response> file(@PathParam("id") String id, byte[] body) {
        String accountId = Ids.check("account", id);
        caller.requireOwner(accountId);
        return scoring.post("/appeals/accounts/" + accountId, MediaType.APPLICATION_JSON, Ids.smallJson(body))
                .map(r -> r.toResponse());
    }

    @GET
    @RolesAllowed({ "user", "moderator" })
    @Operation(summary = "The account's appeals, newest first (its own user, or a moderator)")
    public Uni<Response> ofAccount(@PathParam("id") String id) {
        String accountId = Ids.check("account", id);
        caller.requireAccess(accountId);
        return scoring.get("/appeals/accounts/" + accountId).map(r -> r.toResponse());
    }
}
