-- Registrations, each with an email and username no other request of the run uses.
local threads = 0
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
end

function request()
  counter = counter + 1
  local name = string.format("r%s_%d_%d", os.getenv("BENCH_RUN"), thread_id, counter)
  local body = string.format('{"email":"%s@bench.example","username":"%s","password":"%s"}',
    name, name, os.getenv("BENCH_PASSWORD"))
  return wrk.format("POST", "/user", { ["Content-Type"] = "application/json" }, body)
end
