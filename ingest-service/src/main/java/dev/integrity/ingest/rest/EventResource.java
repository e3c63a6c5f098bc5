package dev.integrity.ingest.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.ingest.service.BodyRejectedException;
import dev.integrity.ingest.service.EventBodyParser;
import dev.integrity.ingest.service.IngestionService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Internal endpoint behind the gateway's {@code POST /api/v1/events}: role {@code ingest}, as there. */
@Path("/events")
@Tag(name = "events")
@RolesAllowed("ingest")
public class EventResource {

    @Inject
    IngestionService ingestion;
    @Inject
    IngestConfig config;

    @POST
    @Consumes({ MediaType.APPLICATION_JSON, EventBodyParser.NDJSON })
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking // parsing and validating up to 10 MiB is CPU work: keep it off the event loop
    @Operation(summary = "Ingest one event, a JSON array of events, or NDJSON; 202 once every accepted event is in Kafka")
    public Uni<Response> ingest(@HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType, byte[] body) {
        long maxBodyBytes = config.maxBodyBytes();
        if (body.length > maxBodyBytes) {
            throw BodyRejectedException.tooLarge("The body has " + body.length + " bytes; the limit is " + maxBodyBytes + ".");
        }
        boolean ndjson = contentType != null && contentType.isCompatible(MediaType.valueOf(EventBodyParser.NDJSON));
        return ingestion.ingest(body, ndjson).map(result -> Response.accepted(result).build());
    }
}
