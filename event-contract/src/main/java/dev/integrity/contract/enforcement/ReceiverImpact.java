package dev.integrity.contract.enforcement;

/** What an enforcement does to one receiving account. */
public record ReceiverImpact(String accountId, long followersBefore, long followersAfter, long likesRemoved,
        long commentsRemoved) {
}
