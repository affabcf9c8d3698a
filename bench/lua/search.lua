-- The admin's search, for a term taken at random from BENCH_TERMS (one a line), 20 matches a page.
local terms = {}
for line in io.lines(os.getenv("BENCH_TERMS")) do
  terms[#terms + 1] = line
end
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")

function request()
  return wrk.format("GET", "/user?search=" .. terms[math.random(#terms)])
end
