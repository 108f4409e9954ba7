#!/usr/bin/env bash
# Example calls against a running platform (./ballast): book samples/portfolio.json, value it at
# the stored prices, run the risk rules on it (with a proposed trade), look at the rules in service,
# propose a rebalance and follow it, list the plugins, and show refused requests.
#
#   BALLAST_URL    where the platform listens (default http://localhost:8080)
#   TOKEN          a bearer token with the portfolio-manager or admin role
#                  (default: the development admin token in data/admin.token)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

url="${BALLAST_URL:-http://localhost:8080}"
token="${TOKEN:-$(cat data/admin.token)}"
auth=(-H "Authorization: Bearer $token")
json=(-H "Content-Type: application/json")

show() { printf '\n$ %s\n' "$*" >&2; }

show "GET /health"
curl -s "$url/health"; echo

show "POST /api/v1/portfolios (samples/portfolio.json)"
created="$(curl -s "${auth[@]}" "${json[@]}" -X POST "$url/api/v1/portfolios" --data @samples/portfolio.json)"
echo "$created"
id="$(printf '%s' "$created" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')"

show "GET /api/v1/portfolios/$id"
curl -s "${auth[@]}" "$url/api/v1/portfolios/$id"; echo

show "POST /api/v1/portfolios/$id/risk-checks"
curl -s "${auth[@]}" -X POST "$url/api/v1/portfolios/$id/risk-checks"; echo

show "POST /api/v1/risk/evaluate (the stored portfolio, with a proposed trade: the pre-trade check)"
curl -s "${auth[@]}" "${json[@]}" -X POST "$url/api/v1/risk/evaluate" --data '{"portfolioId":"'"$id"'",
  "trades":[{"id":"more-nvlx","asset":"NVLX","side":"BUY","quantity":200}]}'; echo

show "POST /api/v1/risk/evaluate (a what-if: inline positions, nothing stored)"
curl -s "${auth[@]}" "${json[@]}" -X POST "$url/api/v1/risk/evaluate" --data '{"cash":1000,
  "positions":[{"asset":"NVLX","quantity":100,"averageEntryPrice":100,"lastPrice":91}]}'; echo

show "GET /api/v1/risk/decisions?portfolioId=$id&limit=3 (stored by the API, the workflow and the monitor)"
curl -s "${auth[@]}" "$url/api/v1/risk/decisions?portfolioId=$id&limit=3"; echo

show "GET /api/v1/rules/status (the rule base in service and the last reload attempt)"
curl -s "${auth[@]}" "$url/api/v1/rules/status"; echo

show "POST /api/v1/rules/validate (a limit edit tried without putting it in service)"
curl -s "${auth[@]}" "${json[@]}" -X POST "$url/api/v1/rules/validate" --data "$(python3 - <<'PY'
import json
limits = open('rules/limits.yaml').read().replace('hardLossFraction: 0.08', 'hardLossFraction: 0.07')
print(json.dumps({"files": [{"path": "limits.yaml", "content": limits}]}))
PY
)"; echo

show "POST /api/v1/portfolios/$id/rebalances (to equal weights, with an Idempotency-Key)"
rebalance="$(curl -s "${auth[@]}" "${json[@]}" -H "Idempotency-Key: sample-$id" -X POST "$url/api/v1/portfolios/$id/rebalances" \
  --data '{"targetWeights":{"NVLX":0.2,"HRBK":0.2,"CRVX":0.2,"PTRX":0.2,"ARCD-USD":0.2},"reason":"sample: back to equal weights"}')"
echo "$rebalance"
rebalance_id="$(printf '%s' "$rebalance" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')"
sleep 2

show "GET /api/v1/rebalances/$rebalance_id (trades, costs, verdict and its history)"
curl -s "${auth[@]}" "$url/api/v1/rebalances/$rebalance_id"; echo

show "GET /api/v1/approvals (pending tasks; the proposer may not approve its own: four eyes)"
curl -s "${auth[@]}" "$url/api/v1/approvals"; echo

show "POST /api/v1/optimize (max-Sharpe over the stored sample prices of four assets, at most 40% each)"
curl -s "${auth[@]}" "${json[@]}" -X POST "$url/api/v1/optimize" --data '{"method":"max-sharpe","riskFreeRate":0.02,
  "prices":{"assets":["NVLX","HRBK","CRVX","PTRX"],"from":"2023-01-01"},"constraints":{"maxWeight":0.4}}'; echo

show "POST /api/v1/risk/report (an equal-weight book of the same four, VaR and ES at 95% and 99%)"
curl -s "${auth[@]}" "${json[@]}" -X POST "$url/api/v1/risk/report" --data '{"weights":{"NVLX":0.25,"HRBK":0.25,"CRVX":0.25,"PTRX":0.25},
  "prices":{"assets":["NVLX","HRBK","CRVX","PTRX"],"from":"2023-01-01"},"confidences":[0.95,0.99],
  "stressScenarios":[{"name":"equity crash","shocks":{"NVLX":-0.3,"HRBK":-0.25,"CRVX":-0.2,"PTRX":-0.2}}]}'; echo

show "GET /api/v1/plugins"
curl -s "${auth[@]}" "$url/api/v1/plugins"; echo

show "refused: no token (401)"
curl -s -w ' -> %{http_code}\n' "$url/api/v1/portfolios/$id"

show "refused: an asset the store does not know (422, names positions[0].asset)"
curl -s -w ' -> %{http_code}\n' "${auth[@]}" "${json[@]}" -X POST "$url/api/v1/portfolios" \
  --data '{"name":"x","baseCurrency":"USD","cash":0,"positions":[{"asset":"NOPE","quantity":1,"averagePrice":1}]}'
