-- Many signed-in users, each with a token of their own, taken in turn: BENCH_TOKENS names a file of
-- lines "<public id> <token>". BENCH_PATH is the path, with {id} standing for the user's own id.
-- Each request is formatted once, in init (when wrk knows the Host header): wrk shares the machine
-- with the host, and formatting every request anew was the client's work measured as the server's.
local requests = {}
local next = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS")) do
    local id, token = line:match("^(%S+) (%S+)$")
    local path = os.getenv("BENCH_PATH"):gsub("{id}", id)
    requests[#requests + 1] = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
  end
end

function request()
  next = next % #requests + 1
  return requests[next]
end
