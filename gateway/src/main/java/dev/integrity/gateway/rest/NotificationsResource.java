package dev.integrity.gateway.rest;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.gateway.client.DownstreamClient;
import dev.integrity.support.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * The in-app inbox: a user reaches only their own; moderators read any (for the account timeline).
 * The live stream of the same messages is {@link NotificationStreamRoute}.
 */
@Path("/api/v1/accounts/{id}/notifications")
@Tag(name = "notifications")
@RolesAllowed({ "user", "moderator" })
public class NotificationsResource {

    private final DownstreamClient notify;
    private final Caller caller;

    public NotificationsResource(@Named("notify") DownstreamClient notify, Caller caller) {
        this.notify = notify;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The account's messages, newest first, rendered in the reader's Accept-Language")
    public Uni<Response> list(@PathParam("id") String id, @QueryParam("page") String page, @QueryParam("size") String size,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        String accountId = Ids.check("account", id);
        caller.requireAccess(accountId);
        String query = Stream.of(Ids.query("page", page), Ids.query("size", size)).filter(q -> !q.isEmpty())
                .collect(Collectors.joining("&"));
        return notify.get("/accounts/" + accountId + "/notifications" + (query.isEmpty() ? "" : "?" + query), language(language))
                .map(r -> r.toResponse());
    }

    @POST
    @Path("{nid}/read")
    @Operation(summary = "Mark a message read (the account's own user only)")
    public Uni<Response> read(@PathParam("id") String id, @PathParam("nid") String nid) {
        String accountId = Ids.check("account", id);
        caller.requireOwner(accountId);
        return notify.post("/accounts/" + accountId + "/notifications/" + Ids.check("notification", nid) + "/read", Map.of(),
                Buffer.buffer()).map(r -> r.toResponse());
    }

    private static Map<String, String> language(String language) {
        Map<String, String> headers = new HashMap<>();
        if (language != null) {
            headers.put(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return headers;
    }
}
