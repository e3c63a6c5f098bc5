package dev.integrity.scoring.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.integrity.contract.review.AppealStatus;
import dev.integrity.scoring.model.Appeal;
import dev.integrity.scoring.repository.AppealRepository;
import dev.integrity.support.security.Caller;
import dev.integrity.scoring.service.AppealService;
import io.smallrye.mutiny.Uni;

/**
 * Internal: appeals ({@code /appeals/accounts/{id}} for one account's, since {@code /accounts} belongs to
 * {@link AccountResource}). Who may call what is checked here as at the gateway (a user files and reads
 * only their own, a moderator reads any, the queue, and decides); this service also checks that the
 * enforcement is the account's.
 */
@Path("/appeals")
@Produces(MediaType.APPLICATION_JSON)
public class AppealResource {

    /** An appeal as the API shows it. */
    public record AppealView(String id, String enforcementId, String accountId, AppealStatus status, String message,
            java.time.Instant createdAt, java.time.Instant decidedAt, String decidedBy, String note) {

        static AppealView of(Appeal a) {
            return new AppealView(a.id(), a.enforcementId(), a.accountId(), a.status(), a.message(), a.createdAt(), a.decidedAt(),
                    a.decidedBy(), a.note());
        }

        /** What the account's own user sees: not who decided, nor the moderator's note. */
        AppealView forUser() {
            return new AppealView(id, enforcementId, accountId, status, message, createdAt, decidedAt, null, null);
        }
    }

    public record FileAppeal(String enforcementId, String message) {
    }

    public record DecideAppeal(String decision, String note) {
    }

    @Inject
    AppealRepository appeals;
    @Inject
    AppealService service;
    @Inject
    Caller caller;

    @POST
    @Path("accounts/{id}")
    @RolesAllowed("user")
    @Operation(summary = "File the account's appeal against one of its APPLIED enforcements (its own user only)")
    public Uni<Response> file(@PathParam("id") String accountId, FileAppeal body) {
        caller.requireOwner(accountId);
        Params.body(body, "{\"enforcementId\": \"…\", \"message\": \"…\"}");
        if (body.enforcementId() == null || body.enforcementId().isBlank()) {
            throw new BadRequestException("enforcementId is required: the enforcement you appeal against.");
        }
        String message = Params.text("message", body.message(), CaseResource.MAX_NOTE);
        return service.file(accountId, body.enforcementId(), message)
                .map(a -> Response.status(Response.Status.CREATED).entity(AppealView.of(a).forUser()).build());
    }

    @GET
    @Path("accounts/{id}")
    @RolesAllowed({ "user", "moderator" })
    @Operation(summary = "The account's appeals, newest first (its own user, or a moderator); a user does not see the moderator's note")
    public Uni<List<AppealView>> ofAccount(@PathParam("id") String accountId, @QueryParam("limit") @DefaultValue("100") int limit) {
        caller.requireAccess(accountId);
        Params.limit(limit, 500);
        boolean user = !caller.isModerator();
        return appeals.ofAccount(accountId, limit).map(list -> list.stream().map(AppealView::of).map(v -> user ? v.forUser() : v).toList());
    }

    @GET
    @RolesAllowed("moderator")
    @Operation(summary = "The appeal queue: appeals of a status (default OPEN), oldest first; Next-Cursor names the next page while more remain")
    public Uni<Response> queue(@QueryParam("status") @DefaultValue("OPEN") String status,
            @QueryParam("limit") @DefaultValue("200") int limit, @QueryParam("after") String after) {
        AppealStatus wanted = Params.oneOf("status", status, AppealStatus.class);
        Params.limit(limit, 1000);
        PageCursor from = PageCursor.decode(after);
        return appeals.withStatus(wanted, from == null ? null : from.createdAt(), from == null ? null : from.id(), limit + 1)
                .map(list -> PageCursor.page(list, limit, AppealView::of, a -> new PageCursor(a.createdAt(), a.id())));
    }

    @POST
    @Path("{id}/decide")
    @RolesAllowed("moderator")
    @Operation(summary = "Grant (revert the enforcement) or deny an OPEN appeal; 409 once decided")
    public Uni<AppealView> decide(@PathParam("id") String id, DecideAppeal body) {
        Params.body(body, "{\"decision\": \"GRANT\"|\"DENY\", \"note\": \"…\"}");
        AppealService.Decision decision = Params.oneOf("decision", body.decision(), AppealService.Decision.class);
        String note = Params.text("note", body.note(), CaseResource.MAX_NOTE);
        return service.decide(id, decision, note, EnforcementResource.actor(caller.subject())).map(AppealView::of);
    }
}
