package dev.integrity.ingest.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.contract.action.PlatformAction;
import dev.integrity.ingest.repository.ActionOutbox;
import io.smallrye.mutiny.Uni;

/**
 * Internal: the feed of platform actions, oldest first, by opaque cursor (the gateway serves it as
 * {@code GET /api/v1/actions} to the platform role). A cursor names a place in the outbox, so the
 * same cursor always gives the same items, and {@code next} of the last page can be polled. Role
 * {@code platform}, as at the gateway.
 */
@Path("/actions")
@Tag(name = "actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("platform")
public class ActionResource {

    private static final Pattern CURSOR = Pattern.compile("a[0-9]{1,19}");

    /** One page of the feed. */
    public record Page(List<PlatformAction> items, String next) {
    }

    @Inject
    ActionOutbox outbox;

    @GET
    @Operation(summary = "Platform actions after the cursor, oldest first")
    public Uni<Page> page(@QueryParam("after") String after, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000.");
        }
        long from = decode(after);
        return outbox.page(from, limit).map(rows -> new Page(rows.stream().map(ActionOutbox.Sequenced::action).toList(),
                encode(rows.isEmpty() ? from : rows.getLast().seq())));
    }

    @GET
    @Path("enforcements/{id}")
    @Operation(summary = "Every action of one enforcement, in order")
    public Uni<List<PlatformAction>> ofEnforcement(@PathParam("id") String enforcementId) {
        return outbox.ofEnforcement(enforcementId);
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("a" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The seq a cursor names; no cursor is the start of the feed. */
    static long decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (CURSOR.matcher(plain).matches()) {
                return Long.parseLong(plain.substring(1));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the same answer as any other malformed cursor
        }
        throw new BadRequestException("after: '" + abbreviate(cursor) + "' is not a cursor this feed gave out; start without one.");
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
