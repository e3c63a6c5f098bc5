package dev.integrity.gateway.rest;

import jakarta.inject.Inject;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.gateway.client.DownstreamClient;
import dev.integrity.gateway.client.DownstreamResponse;
import io.smallrye.mutiny.Uni;

/** The blast-radius breaker: its state, and closing it again. */
@Path("/api/v1/guard")
@Tag(name = "guard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class GuardResource {

    @Inject
    @Named("scoring")
    DownstreamClient scoring;

    @GET
    @Operation(summary = "The breaker: CLOSED, or OPEN with the reason and when it opened")
    public Uni<Response> state() {
        return scoring.get("/guard").map(DownstreamResponse::toResponse);
    }

    @POST
    @Path("resume")
    @Operation(summary = "Close the breaker; new enforcements go through the per-enforcement checks again")
    public Uni<Response> resume() {
        return scoring.post("/guard/resume").map(DownstreamResponse::toResponse);
    }
}
