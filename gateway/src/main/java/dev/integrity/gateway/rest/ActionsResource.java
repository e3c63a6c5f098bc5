package dev.integrity.gateway.rest;

import jakarta.inject.Inject;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.gateway.client.DownstreamClient;
import dev.integrity.gateway.client.DownstreamResponse;
import io.smallrye.mutiny.Uni;

/**
 * The feed of platform actions for platforms without Kafka access (contract 6.1): role
 * {@code platform} only, oldest first, by cursor. The ledger owns the feed; the cursor is checked
 * for shape here so that nothing odd travels downstream.
 */
@Path("/api/v1/actions")
@Tag(name = "actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("platform")
public class ActionsResource {

    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    @Named("ingest")
    DownstreamClient ingest;

    @GET
    @Operation(summary = "Actions the platform must apply, oldest first; pass the answer's next as after to go on")
    public Uni<Response> page(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        if (after != null && !after.isEmpty() && !CURSOR.matcher(after).matches()) {
            throw new BadRequestException("after: not a cursor this feed gave out; start without one.");
        }
        if (limit != null && !limit.isEmpty() && !limit.matches("[0-9]{1,4}")) {
            throw new BadRequestException("limit must be a whole number between 1 and 1000.");
        }
        return ingest.get("/actions" + Ids.search(Ids.query("after", after), Ids.query("limit", limit)))
                .map(DownstreamResponse::toResponse);
    }
}
