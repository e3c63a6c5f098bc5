package dev.integrity.scoring.rest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.integrity.scoring.repository.ShadowScoreRepository;
import dev.integrity.scoring.service.AuthenticityScorer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/**
 * Internal, for operators: which model is live, which is in shadow mode; load new versions without a
 * restart. Not exposed by the gateway; role {@code moderator}, the suite's most trusted.
 */
@jakarta.ws.rs.Path("/models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class ModelResource {

    /** The models in use. */
    public record Models(String live, String shadow) {
    }

    /** Where a model directory is. */
    public record ModelLocation(String path) {
    }

    @Inject
    AuthenticityScorer scorer;
    @Inject
    ShadowScoreRepository shadowScores;

    @GET
    public Models models() {
        return new Models(scorer.liveModelId(), scorer.shadowModelId());
    }

    @POST
    @jakarta.ws.rs.Path("live")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Load a model directory and make it live")
    public Models promote(ModelLocation location) {
        return load(location, scorer::promote);
    }

    @POST
    @jakarta.ws.rs.Path("shadow")
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Load a model directory as the shadow candidate (scored and recorded, never acted on)")
    public Models shadow(ModelLocation location) {
        return load(location, scorer::shadow);
    }

    @DELETE
    @jakarta.ws.rs.Path("shadow")
    @Blocking
    public Models stopShadow() throws IOException {
        scorer.shadow(null);
        return models();
    }

    @GET
    @jakarta.ws.rs.Path("shadow/scores")
    public Uni<List<ShadowScoreRepository.ShadowScore>> shadowScores(@QueryParam("limit") @jakarta.ws.rs.DefaultValue("100") int limit) {
        String candidate = scorer.shadowModelId();
        return candidate == null ? Uni.createFrom().item(List.of()) : shadowScores.latest(candidate, Math.min(limit, 1000));
    }

    /** How a loaded model directory is put to use: made live, or the shadow candidate. */
    @FunctionalInterface
    private interface Loader {
        String load(Path modelDir) throws IOException;
    }

    /** Loads the directory the body names; one that cannot be loaded is a 400 saying why. */
    private Models load(ModelLocation location, Loader loader) {
        try {
            loader.load(Path.of(required(location)));
            return models();
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException("Cannot load the model at " + location.path() + ": " + e.getMessage());
        }
    }

    private static String required(ModelLocation location) {
        if (location == null || location.path() == null || location.path().isBlank()) {
            throw new BadRequestException("path is required");
        }
        return location.path();
    }
}
