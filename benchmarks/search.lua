-- wrk script: rotate search queries and filters over the JSON API.
local queries = {
  "/api/quotations?q=ceasefire+talks", "/api/quotations?q=harbour", "/api/quotations?speaker=Quinn",
  "/api/quotations?q=budget+vote&kind=direct", "/api/quotations?q=climate&since=2025-06-01",
  "/api/quotations?speaker=Ada+Lima&per_page=10", "/api/quotations?q=border+sanctions&page=2",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
