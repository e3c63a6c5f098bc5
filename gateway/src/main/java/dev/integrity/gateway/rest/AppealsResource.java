package dev.integrity.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
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

import dev.integrity.gateway.client.DownstreamClient;
import dev.integrity.gateway.client.DownstreamResponse;
import io.smallrye.mutiny.Uni;

/** The appeal queue (contract 6.3): moderators read it and decide; an account's own appeals are in {@link AccountsResource}. */
@Path("/api/v1/appeals")
@Tag(name = "appeals")
@Produces(MediaType.APPLICATION_JSON)
public class AppealsResource {

    private final DownstreamClient scoring;

    public AppealsResource(@Named("scoring") DownstreamClient scoring) {
        this.scoring = scoring;
    }

    @GET
    @RolesAllowed("moderator")
    @Operation(summary = "The appeal queue: appeals of a status (OPEN, GRANTED or DENIED), oldest first; pages of limit (1..1000) with a Link rel=next header while more remain")
    public Uni<Response> queue(@QueryParam("status") String status, @QueryParam("limit") String limit, @QueryParam("after") String after) {
        Ids.limit(limit, 1000);
        String filters = Ids.join(Ids.query("status", status), Ids.query("limit", limit));
        return scoring.get("/appeals" + Ids.search(filters, Ids.query("after", after)))
                .map(r -> Links.withNext(r, "/api/v1/appeals", filters));
    }

    @POST
    @Path("{id}/decide")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("moderator")
    @Operation(summary = "GRANT (revert the enforcement, take the strike back, tell the user) or DENY (tell the user) an open appeal; 409 once decided")
    public Uni<Response> decide(@PathParam("id") String id, byte[] body) {
        return scoring.post("/appeals/" + Ids.check("appeal", id) + "/decide",
                MediaType.APPLICATION_JSON, Ids.smallJson(body)).map(DownstreamResponse::toResponse);
    }
}
