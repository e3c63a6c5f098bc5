package dev.integrity.ingest.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.ingest.config.IngestConfig;
import dev.integrity.ingest.model.AccountActivity;
import dev.integrity.ingest.model.AccountLedger;
import dev.integrity.ingest.repository.AccountLedgerRepository;
import dev.integrity.ingest.repository.EnforcementLedger;
import io.smallrye.mutiny.Uni;

/**
 * Internal reads for the gateway: an account's counts and hourly activity, and an enforcement's impact.
 * Role {@code moderator}, as at the gateway.
 */
@Path("/")
@Tag(name = "ledger")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class LedgerResource {

    @Inject
    AccountLedgerRepository accounts;
    @Inject
    EnforcementLedger enforcements;
    @Inject
    IngestConfig config;

    @GET
    @Path("accounts/{id}/ledger")
    @Operation(summary = "The account's follower, following, like and comment counts, and what enforcements removed")
    public Uni<AccountLedger> account(@PathParam("id") String accountId) {
        return accounts.find(accountId).onItem().ifNull()
                .failWith(() -> new NotFoundException("The ledger has no account '" + accountId + "'."));
    }

    @GET
    @Path("accounts/{id}/activity")
    @Operation(summary = "Follows, likes and comments the account gave, per hour (UTC) and app, oldest first, "
            + "in the given hours up to its newest activity")
    public Uni<AccountActivity> activity(@PathParam("id") String accountId, @QueryParam("hours") String hours) {
        int window = hours(hours);
        return accounts.activity(accountId, window).onItem().ifNull()
                .failWith(() -> new NotFoundException("The ledger has no account '" + accountId + "'."));
    }

    /**
     * The window in hours: the configured default when the request names none. Taken as text, so that
     * a value that is not a number is a 400 naming the parameter, like one out of range.
     */
    private int hours(String hours) {
        IngestConfig.Activity activity = config.activity();
        if (hours == null) {
            return activity.defaultHours();
        }
        int max = activity.maxHours();
        try {
            int value = Integer.parseInt(hours);
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, the same as a number out of range
        }
        String shown = hours.length() > 20 ? hours.substring(0, 20) + "…" : hours;
        throw new BadRequestException("hours must be a whole number from 1 to " + max + "; got '" + shown + "'.");
    }

    @GET
    @Path("enforcements/{id}/impact")
    @Operation(summary = "Per receiving account: followers before and after, likes and comments removed")
    public Uni<List<ReceiverImpact>> impact(@PathParam("id") String enforcementId) {
        return enforcements.receivers(enforcementId).onItem().ifNull()
                .failWith(() -> new NotFoundException("The ledger knows no enforcement '" + enforcementId + "'."));
    }
}
