-- The admin's user list, 100 a page, on a random page of BENCH_PAGES so no one page stays hot.
local token = os.getenv("BENCH_TOKEN")
local pages = tonumber(os.getenv("BENCH_PAGES") or "1")
wrk.headers["Authorization"] = "Bearer " .. token

function request()
  return wrk.format("GET", "/user?page=" .. math.random(pages) .. "&per_page=100")
end
