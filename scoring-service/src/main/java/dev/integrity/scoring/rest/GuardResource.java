package dev.integrity.scoring.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.integrity.scoring.model.GuardState;
import dev.integrity.scoring.service.BlastRadiusGuard;
import io.smallrye.mutiny.Uni;

/** Internal: the blast-radius breaker. */
@Path("/guard")
@Produces(MediaType.APPLICATION_JSON)
public class GuardResource {

    private final BlastRadiusGuard guard;

    public GuardResource(BlastRadiusGuard guard) {
        this.guard = guard;
    }

    @GET
    public Uni<GuardState> state() {
        return guard.state();
    }

    @POST
    @Path("resume")
    public Uni<GuardState> resume(@HeaderParam("X-Actor") String actor) {
        return guard.resume(actor == null ? "moderator" : actor);
    }
}
