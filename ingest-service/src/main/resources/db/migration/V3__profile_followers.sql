-- The follower count the platform reported in the account's latest PROFILE_SNAPSHOT. The ledger
-- only knows follows it has seen; a celebrity's real audience is mostly older than that. The guard
-- judges a removal against the larger of the two, so that losing 500 bought followers out of
-- 150,000 reads as the 0.3% it is.
ALTER TABLE account_counts ADD COLUMN profile_followers BIGINT NOT NULL DEFAULT 0;
