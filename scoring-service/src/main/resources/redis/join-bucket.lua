-- Adds an account to a lockstep bucket (one kind of action on a target in a time window),
-- atomically, so that exactly one caller sees the bucket become crowded even when several scoring
-- consumers add at once; an account new to the bucket also counts one more distinct target in that
-- window, in the same step, so that whoever sees the account in the bucket also sees it counted (a
-- member's lockstep share is judged on those counts).
-- KEYS: 1 bucket (set of accounts), 2 the account's distinct targets per window (hash)
-- ARGV: 1 account, 2 time to live (s), 3 crowd size, 4 the bucket's window id
-- Returns {size after the add, 1 if this add made the bucket exactly crowded else 0}
local added = redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
if added == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[4], 1)
  redis.call('EXPIRE', KEYS[2], ARGV[2])
end
local size = redis.call('SCARD', KEYS[1])
local crossed = 0
if added == 1 and size == tonumber(ARGV[3]) then
  crossed = 1
end
return {size, crossed}
