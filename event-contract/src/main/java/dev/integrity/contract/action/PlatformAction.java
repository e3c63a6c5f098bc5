package dev.integrity.contract.action;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change the host platform must make, on {@code enforcement.actions} (keyed by
 * {@code accountId}) and the HTTP feed {@code GET /api/v1/actions}; JSON Schema
 * {@code schema/enforcement-action-v1.schema.json}.
 *
 * @param actionId deterministic: the same change always has the same id, so a redelivery is recognisable
 * @param accountId the account that gave the engagement, or that is blocked
 * @param targetAccountId the followed account, or the owner of the liked or commented media; null for (UN)BLOCK_ACCOUNT
 * @param mediaId the liked or commented media; null for follows and blocks
 * @param sourceEventId the event that created the edge; null for (UN)BLOCK_ACCOUNT
 * @param decidedAt when the suite decided this change
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlatformAction(String actionId, String enforcementId, ActionType type, String accountId, String targetAccountId,
        String mediaId, String sourceEventId, Instant decidedAt) {

    /**
     * The id of a change: 'act-' and the first 24 hex digits of SHA-256 over "enforcement|type|edge",
     * the edge being the source event id (or the account, for a block). The ledger computes the same in SQL.
     */
    public static String actionId(String enforcementId, ActionType type, String edge) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((enforcementId + "|" + type + "|" + edge).getBytes(StandardCharsets.UTF_8));
            return "act-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
