-- wrk script: each request posts a new anonymous comment through the post page's form, as a browser
-- would (same-origin fetch metadata, the protected render time from a real page, a unique name, e-mail
-- and text). Each request also comes from its own client address in X-Forwarded-For (the app is started
-- with 127.0.0.1 as a known proxy), so the per-address and per-e-mail limits see many readers, as behind
-- nginx, not one robot. A redirect (302) is an accepted comment; anything else is counted as refused.
-- Environment: POST_PATH (/j/slug/posts/slug), RENDERED (the form's Input.Rendered value).
local path = os.getenv("POST_PATH")
local rendered = os.getenv("RENDERED")
local threads = {}
local counter = 0
id = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  accepted, refused = 0, 0
  math.randomseed(os.time() + id)
end

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function request()
  counter = counter + 1
  local n = counter
  local who = string.format("%d-%d-%d", id, n, math.random(1, 1e9))
  local body = "Input.Text=" .. encode("Thinking of you today, reader " .. who .. ". The numbers look like they are moving the right way.")
    .. "&Input.AuthorName=" .. encode("Reader " .. who)
    .. "&Input.AuthorEmail=" .. encode("reader-" .. who .. "@bench.invalid")
    .. "&Input.Rendered=" .. encode(rendered)
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", id % 256, math.floor(n / 256) % 256, n % 256),
  }
  return wrk.format("POST", path .. "?handler=Comment", headers, body)
end

function response(status, headers, body)
  if status == 302 then accepted = accepted + 1 else refused = refused + 1 end
end

function done(summary, latency, requests)
  local a, r = 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("accepted")
    r = r + t:get("refused")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("  accepted %d, refused %d, accepted/s %.1f\n", a, r, a / seconds))
end
