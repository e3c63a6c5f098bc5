package dev.integrity.gateway.rest;

import jakarta.inject.Inject;
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

/** Review cases for moderators: held enforcements that share a cause, decided together (contract 6.2). */
@Path("/api/v1/cases")
@Tag(name = "cases")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class CasesResource {

    @Inject
    @Named("scoring")
    DownstreamClient scoring;

    @GET
    @Operation(summary = "Cases of a status (OPEN or CLOSED) and kind, oldest first: {items, next}")
    public Uni<Response> list(@QueryParam("status") String status, @QueryParam("kind") String kind, @QueryParam("after") String after,
            @QueryParam("limit") String limit) {
        Ids.limit(limit, 200);
        return scoring.get("/cases" + Ids.search(Ids.query("status", status), Ids.query("kind", kind), Ids.query("after", after),
                Ids.query("limit", limit))).map(DownstreamResponse::toResponse);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A case with its impact per receiving account, evidence and audit")
    public Uni<Response> get(@PathParam("id") String id) {
        return scoring.get("/cases/" + Ids.check("case", id)).map(DownstreamResponse::toResponse);
    }

    @POST
    @Path("{id}/decide")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "APPROVE or REJECT every held member, with a note and the held count you saw; 409 when the case changed")
    public Uni<Response> decide(@PathParam("id") String id, byte[] body) {
        return scoring.post("/cases/" + Ids.check("case", id) + "/decide",
                MediaType.APPLICATION_JSON, Ids.smallJson(body)).map(DownstreamResponse::toResponse);
    }
}
