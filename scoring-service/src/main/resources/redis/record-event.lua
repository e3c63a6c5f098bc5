-- Records one account event into the account's feature keys, atomically and at most once.
-- KEYS: 1 seen-marker, 2 day counters (hash), 3 hour-of-minutes counters (hash), 4 day targets (HLL),
--       5 day IPs (HLL), 6 day devices (HLL), 7 recent engagement times (list), 8 latest event time
-- ARGV: 1 kind (F, L, C, or '' when not engagement), 2 hour bucket, 3 minute bucket,
--       4 app ('' when first-party), 5 target, 6 ip, 7 device, 8 event time (epoch ms)
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', 259200) then
  return 0
end
local kind = ARGV[1]
if kind ~= '' then
  local hour = ARGV[2]
  redis.call('HINCRBY', KEYS[2], hour .. ':' .. kind, 1)
  if ARGV[4] ~= '' then
    redis.call('HINCRBY', KEYS[2], hour .. ':' .. kind .. ':tp', 1)
    redis.call('HINCRBY', KEYS[2], hour .. ':' .. kind .. ':app:' .. ARGV[4], 1)
  end
  redis.call('HINCRBY', KEYS[3], ARGV[3] .. ':' .. kind, 1)
  if ARGV[5] ~= '' then
    redis.call('PFADD', KEYS[4], ARGV[5])
  end
  redis.call('LPUSH', KEYS[7], ARGV[8])
  redis.call('LTRIM', KEYS[7], 0, 49)
  redis.call('EXPIRE', KEYS[2], 259200)
  redis.call('EXPIRE', KEYS[3], 7200)
  redis.call('EXPIRE', KEYS[4], 259200)
  redis.call('EXPIRE', KEYS[7], 604800)
end
if ARGV[6] ~= '' then
  redis.call('PFADD', KEYS[5], ARGV[6])
  redis.call('EXPIRE', KEYS[5], 259200)
end
if ARGV[7] ~= '' then
  redis.call('PFADD', KEYS[6], ARGV[7])
  redis.call('EXPIRE', KEYS[6], 259200)
end
local latest = tonumber(redis.call('GET', KEYS[8]) or '0')
if tonumber(ARGV[8]) > latest then
  redis.call('SET', KEYS[8], ARGV[8], 'EX', 2592000)
end
return 1
