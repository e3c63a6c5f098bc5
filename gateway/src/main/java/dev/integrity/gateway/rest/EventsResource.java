package dev.integrity.gateway.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.gateway.client.DownstreamClient;
import dev.integrity.gateway.client.DownstreamResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;

/** {@code POST /api/v1/events}: integrators send account events; ingest validates and answers. */
@Path("/api/v1/events")
@Tag(name = "events")
public class EventsResource {

    public static final String NDJSON = "application/x-ndjson";

    private final DownstreamClient ingest;

    public EventsResource(@Named("ingest") DownstreamClient ingest) {
        this.ingest = ingest;
    }

    @POST
    @RolesAllowed("ingest")
    @Consumes({ MediaType.APPLICATION_JSON, NDJSON })
    @Produces({ MediaType.APPLICATION_JSON, "application/problem+json" })
    @Operation(summary = "Send one event, a JSON array of up to 10,000, or NDJSON; 202 once every accepted event is durably in Kafka")
    public Uni<Response> send(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return ingest.post("/events", contentType, Buffer.buffer(body)).map(DownstreamResponse::toResponse);
    }
}
