-- Many signed-in users, each with a token of their own, taken in turn: BENCH_TOKENS names a file of
-- lines "<public id> <token>". BENCH_PATH is the path, with {id} standing for the user's own id.
local users = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  local id, token = line:match("^(%S+) (%S+)$")
  users[#users + 1] = { path = os.getenv("BENCH_PATH"):gsub("{id}", id), headers = { ["Authorization"] = "Bearer " .. token } }
end
local next = 0

function request()
  next = next % #users + 1
  local user = users[next]
  return wrk.format("GET", user.path, user.headers)
end
