package dev.integrity.ingest.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.integrity.contract.enforcement.ReceiverImpact;
import dev.integrity.ingest.model.AccountLedger;
import dev.integrity.ingest.repository.AccountLedgerRepository;
import dev.integrity.ingest.repository.EnforcementLedger;
import io.smallrye.mutiny.Uni;

/** Internal reads for the gateway: an account's counts, and an enforcement's impact. */
@Path("/")
@Tag(name = "ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final AccountLedgerRepository accounts;
    private final EnforcementLedger enforcements;

    public LedgerResource(AccountLedgerRepository accounts, EnforcementLedger enforcements) {
        this.accounts = accounts;
        this.enforcements = enforcements;
    }

    @GET
    @Path("accounts/{id}/ledger")
    @Operation(summary = "The account's follower, following, like and comment counts, and what enforcements removed")
    public Uni<AccountLedger> account(@PathParam("id") String accountId) {
        return accounts.find(accountId).onItem().ifNull()
                .failWith(() -> new NotFoundException("The ledger has no account '" + accountId + "'."));
    }

    @GET
    @Path("enforcements/{id}/impact")
    @Operation(summary = "Per receiving account: followers before and after, likes and comments removed")
    public Uni<List<ReceiverImpact>> impact(@PathParam("id") String enforcementId) {
        return enforcements.receivers(enforcementId).onItem().ifNull()
                .failWith(() -> new NotFoundException("The ledger knows no enforcement '" + enforcementId + "'."));
    }
}
