-- A GET with the bearer token from BENCH_TOKEN (none when unset); the path is in the URL.
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
