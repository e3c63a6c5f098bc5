package dev.integrity.gateway.rest;

import java.util.Collections;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import dev.integrity.contract.EventJson;
import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.contract.enforcement.Removed;
import dev.integrity.gateway.client.DownstreamClient;
import dev.integrity.gateway.client.DownstreamResponse;
import dev.integrity.support.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Everything under {@code /api/v1/accounts/{id}}, so that the account id is checked, and who may see
 * the account decided, in one place: scoring's view of the account joined with the ledger's counts,
 * and its activity (moderators); its appeals (contract 6.3: its own user files and reads them,
 * moderators read them too); its in-app inbox (its own user; moderators read any, for the account
 * timeline). The live stream of the inbox is {@link NotificationStreamRoute}. Unless a method narrows
 * it, the account's own user and moderators may call.
 */
@Path("/api/v1/accounts")
@Tag(name = "accounts")
@RolesAllowed({ "user", "moderator" })
public class AccountsResource {

    /** An account as moderators see it. */
    public record AccountView(String accountId, AccountStatus status, Double riskScore, String modelVersion, List<String> reasons,
            int strikes, long followerCount, long followingCount, Removed removed, String groupId, List<String> flaggedApps) {
    }

    private final DownstreamClient scoring;
    private final DownstreamClient ingest;
    private final DownstreamClient notify;
    private final Caller caller;

    public AccountsResource(@Named("scoring") DownstreamClient scoring, @Named("ingest") DownstreamClient ingest,
            @Named("notify") DownstreamClient notify, Caller caller) {
        this.scoring = scoring;
        this.ingest = ingest;
        this.notify = notify;
        this.caller = caller;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("moderator")
    @Operation(summary = "An account's status, risk score, model version, reasons, strikes, counts and removals")
    public Uni<Response> account(@PathParam("id") String id) {
        String accountId = Ids.check("account", id);
        return Uni.combine().all().unis(scoring.get("/accounts/" + accountId), ingest.get("/accounts/" + accountId + "/ledger"))
                .asTuple().map(both -> {
                    DownstreamResponse risk = both.getItem1();
                    DownstreamResponse ledger = both.getItem2();
                    if (risk.status() == 404 && ledger.status() == 404) {
                        throw new NotFoundException("No account '" + accountId + "'.");
                    }
                    if (!ok(risk) || !ok(ledger)) {
                        return (ok(risk) ? ledger : risk).toResponse();
                    }
                    return Response.ok(view(accountId, json(risk), json(ledger))).build();
                });
    }

    @GET
    @Path("{id}/activity")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("moderator")
    @Operation(summary = "The engagement the account gave, per hour and app, over the last `hours` (1..720, default 168) of its activity")
    public Uni<Response> activity(@PathParam("id") String id, @QueryParam("hours") String hours) {
        String accountId = Ids.check("account", id);
        return ingest.get("/accounts/" + accountId + "/activity" + Ids.search(Ids.query("hours", hours)))
                .map(DownstreamResponse::toResponse);
    }

    @POST
    @Path("{id}/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "appeals")
    @RolesAllowed("user")
    @Operation(summary = "Appeal one of your own APPLIED enforcements: 201; 409 when appealed already; 404 when not yours")
    public Uni<Response> fileAppeal(@PathParam("id") String id, byte[] body) {
        String accountId = owned(id);
        return scoring.post("/appeals/accounts/" + accountId, MediaType.APPLICATION_JSON, Ids.smallJson(body))
                .map(DownstreamResponse::toResponse);
    }

    @GET
    @Path("{id}/appeals")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "appeals")
    @Operation(summary = "The account's appeals, newest first (its own user, or a moderator)")
    public Uni<Response> appeals(@PathParam("id") String id) {
        return scoring.get("/appeals/accounts/" + accessible(id)).map(DownstreamResponse::toResponse);
    }

    @GET
    @Path("{id}/notifications")
    @Produces(MediaType.APPLICATION_JSON)
    @Tag(name = "notifications")
    @Operation(summary = "The account's messages, newest first, rendered in the reader's Accept-Language")
    public Uni<Response> notifications(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        String accountId = accessible(id);
        return notify.get("/accounts/" + accountId + "/notifications" + Ids.search(Ids.query("page", page), Ids.query("size", size)),
                Collections.singletonMap(HttpHeaders.ACCEPT_LANGUAGE, language)).map(DownstreamResponse::toResponse);
    }

    @POST
    @Path("{id}/notifications/{nid}/read")
    @Tag(name = "notifications")
    @Operation(summary = "Mark a message read (the account's own user only)")
    public Uni<Response> read(@PathParam("id") String id, @PathParam("nid") String nid) {
        String accountId = owned(id);
        return notify.post("/accounts/" + accountId + "/notifications/" + Ids.check("notification", nid) + "/read")
                .map(DownstreamResponse::toResponse);
    }

    /** The account id, once the caller is its own user or a moderator. */
    private String accessible(String id) {
        String accountId = Ids.check("account", id);
        caller.requireAccess(accountId);
        return accountId;
    }

    /** The account id, once the caller is its own user. */
    private String owned(String id) {
        String accountId = Ids.check("account", id);
        caller.requireOwner(accountId);
        return accountId;
    }

    private static boolean ok(DownstreamResponse r) {
        return r.status() == 200 || r.status() == 404;
    }

    private static JsonNode json(DownstreamResponse r) {
        if (r.status() != 200) {
            return EventJson.mapper().createObjectNode();
        }
        try {
            return EventJson.mapper().readTree(r.body().getBytes());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable downstream answer", e);
        }
    }

    private static AccountView view(String accountId, JsonNode risk, JsonNode ledger) {
        JsonNode removed = ledger.path("removed");
        return new AccountView(accountId, AccountStatus.valueOf(risk.path("status").asText(AccountStatus.CLEAN.name())),
                risk.hasNonNull("riskScore") ? risk.get("riskScore").asDouble() : null,
                risk.hasNonNull("modelVersion") ? risk.get("modelVersion").asText() : null,
                strings(risk.path("reasons")), risk.path("strikes").asInt(0),
                ledger.path("followerCount").asLong(0), ledger.path("followingCount").asLong(0),
                new Removed(removed.path("follows").asLong(0), removed.path("likes").asLong(0), removed.path("comments").asLong(0)),
                risk.hasNonNull("groupId") ? risk.get("groupId").asText() : null, strings(risk.path("flaggedApps")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
