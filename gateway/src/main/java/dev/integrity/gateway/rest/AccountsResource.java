package dev.integrity.gateway.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
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
import io.smallrye.mutiny.Uni;

/** {@code GET /api/v1/accounts/{id}}: scoring's view of the account joined with the ledger's counts. */
@Path("/api/v1/accounts")
@Tag(name = "accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountsResource {

    /** An account as moderators see it. */
    public record AccountView(String accountId, AccountStatus status, Double riskScore, String modelVersion, List<String> reasons,
            int strikes, long followerCount, long followingCount, Removed removed, String groupId, List<String> flaggedApps) {
    }

    private final DownstreamClient scoring;
    private final DownstreamClient ingest;

    public AccountsResource(@Named("scoring") DownstreamClient scoring, @Named("ingest") DownstreamClient ingest) {
        this.scoring = scoring;
        this.ingest = ingest;
    }

    @GET
    @Path("{id}")
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
    @RolesAllowed("moderator")
    @Operation(summary = "The engagement the account gave, per hour and app, over the last `hours` (1..720, default 168) of its activity")
    public Uni<Response> activity(@PathParam("id") String id, @QueryParam("hours") String hours) {
        String accountId = Ids.check("account", id);
        String query = Ids.query("hours", hours);
        return ingest.get("/accounts/" + accountId + "/activity" + (query.isEmpty() ? "" : "?" + query)).map(r -> r.toResponse());
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
