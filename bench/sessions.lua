-- wrk script: each request carries the session cookie of one of several signed-in students, in turn.
-- The cookies come from the file named by DODAM_BENCH_COOKIES, one JSESSIONID value per line.
local cookies = {}
for line in io.lines(os.getenv("DODAM_BENCH_COOKIES")) do cookies[#cookies + 1] = line end
local counter = 0

request = function()
  counter = counter + 1
  local cookie = cookies[(counter % #cookies) + 1]
  return wrk.format("GET", nil, {["Cookie"] = "JSESSIONID=" .. cookie, ["Accept-Language"] = "en"})
end
