package dev.integrity.scoring.model;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.integrity.contract.enforcement.AccountStatus;

/**
 * An account's risk state and place on the strike ladder, one row of account_state. Its JSON names
 * (the fields in snake case) are the table's columns so that a batch is written as one JSON recordset. {@code version} is the
 * stored row's version this state was derived from (0: none stored yet); saving it over a row that
 * has moved on since fails, so that concurrent writers never lose each other's updates.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountState(
        String accountId,
        AccountStatus status,
        int strikes,
        int enforcementCount,
        Double riskScore,
        String modelVersion,
        List<String> reasons,
        List<String> flaggedApps,
        Instant warnedAt,
        int repeatEngagement,
        Instant passwordChangedAt,
        List<String> revokedApps,
        String groupId,
        long version) {

    public AccountState {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        flaggedApps = flaggedApps == null ? List.of() : List.copyOf(flaggedApps);
        revokedApps = revokedApps == null ? List.of() : List.copyOf(revokedApps);
    }

    public static AccountState clean(String accountId) {
        return new AccountState(accountId, AccountStatus.CLEAN, 0, 0, null, null, List.of(), List.of(), null, 0, null, List.of(), null, 0);
    }

    public AccountState withScore(AccountStatus status, Double riskScore, String modelVersion, List<String> reasons) {
        return new AccountState(accountId, status, strikes, enforcementCount, riskScore, modelVersion, reasons, flaggedApps,
                warnedAt, repeatEngagement, passwordChangedAt, revokedApps, groupId, version);
    }

    public AccountState withRepeatEngagement(int repeatEngagement) {
        return new AccountState(accountId, status, strikes, enforcementCount, riskScore, modelVersion, reasons, flaggedApps,
                warnedAt, repeatEngagement, passwordChangedAt, revokedApps, groupId, version);
    }

    public AccountState withProposal() {
        return new AccountState(accountId, status, strikes, enforcementCount + 1, riskScore, modelVersion, reasons, flaggedApps,
                warnedAt, repeatEngagement, passwordChangedAt, revokedApps, groupId, version);
    }

    public AccountState withGroup(String groupId) {
        return new AccountState(accountId, status, strikes, enforcementCount, riskScore, modelVersion, reasons, flaggedApps,
                warnedAt, repeatEngagement, passwordChangedAt, revokedApps, groupId, version);
    }

    public AccountState withCompliance(Instant passwordChangedAt, List<String> revokedApps) {
        return new AccountState(accountId, status, strikes, enforcementCount, riskScore, modelVersion, reasons, flaggedApps,
                warnedAt, repeatEngagement, passwordChangedAt, revokedApps, groupId, version);
    }

    public boolean isClean() {
        return status == AccountStatus.CLEAN;
    }
}
