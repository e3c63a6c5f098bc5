package dev.integrity.scoring.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.integrity.contract.enforcement.AccountStatus;
import dev.integrity.scoring.repository.AccountStateRepository;
import dev.integrity.scoring.repository.LockstepRepository;
import io.smallrye.mutiny.Uni;

/**
 * Internal: an account's risk as scoring sees it (the gateway adds the ledger's counts), and a lockstep
 * group (an operator's read, not exposed by the gateway). Role {@code moderator}, as at the gateway.
 */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("moderator")
public class AccountResource {

    /** The scoring half of GET /api/v1/accounts/{id}. */
    public record AccountRisk(String accountId, AccountStatus status, Double riskScore, String modelVersion, List<String> reasons,
            int strikes, List<String> flaggedApps, String groupId) {
    }

    /** A lockstep group and its members. */
    public record Group(String id, List<String> members) {
    }

    @Inject
    AccountStateRepository states;
    @Inject
    LockstepRepository groups;

    @GET
    @Path("{id}")
    @Operation(summary = "Status, risk score, model version, reasons and strikes of an account")
    public Uni<AccountRisk> account(@PathParam("id") String accountId) {
        return states.find(accountId).map(s -> {
            if (s == null) {
                throw new NotFoundException("Scoring has never seen account '" + accountId + "'.");
            }
            return new AccountRisk(s.accountId(), s.status(), s.riskScore(), s.modelVersion(), s.reasons(), s.strikes(),
                    s.flaggedApps(), s.groupId());
        });
    }

    @GET
    @Path("/groups/{id}")
    @Operation(summary = "A lockstep group's members")
    public Uni<Group> group(@PathParam("id") String groupId) {
        return groups.members(groupId).map(members -> {
            if (members.isEmpty()) {
                throw new NotFoundException("No lockstep group '" + groupId + "'.");
            }
            return new Group(groupId, members);
        });
    }
}
