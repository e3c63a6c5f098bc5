-- Adds an account to a lockstep bucket (one kind of action on a target in a time window),
-- atomically, so that exactly one caller sees the bucket become crowded even when several scoring
-- consumers add at once.
-- KEYS: 1 bucket (set of accounts)
-- ARGV: 1 account, 2 time to live (s), 3 crowd size
-- Returns {size after the add, 1 if this add made the bucket exactly crowded else 0, 1 if the account was new to it else 0}
local added = redis.call('SADD', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
local size = redis.call('SCARD', KEYS[1])
local crossed = 0
if added == 1 and size == tonumber(ARGV[3]) then
  crossed = 1
end
return {size, crossed, added}
