package dev.integrity.scoring.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.integrity.scoring.model.GuardState;
import dev.integrity.support.security.Caller;
import dev.integrity.scoring.service.BlastRadiusGuard;
import io.smallrye.mutiny.Uni;

/** Internal: the blast-radius breaker. Role {@code moderator}, as at the gateway. */
@Path("/guard")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class GuardResource {

    @Inject
    BlastRadiusGuard guard;
    @Inject
    Caller caller;

    @GET
    public Uni<GuardState> state() {
        return guard.state();
    }

    @POST
    @Path("resume")
    public Uni<GuardState> resume() {
        return guard.resume(caller.subject() == null ? "moderator" : caller.subject());
    }
}
