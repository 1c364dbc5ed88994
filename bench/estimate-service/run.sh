#!/usr/bin/env bash
# Times fits through a running server's JSON/HTTP route (default http://127.0.0.1:5081), on the default dataset (PWT 9.1):
# ln rgdpna on ln pop, ln hc and openness over every economy (WLD), 1950-2017, pooled OLS (HC1, cluster) and two-way FE.
# Each model is fitted cold (first call: grain activations, rows built), warm (a new confidence level: a new fit id, so
# every round runs again) and from cache. Usage: bench/estimate-service/run.sh [http://host:port]
set -euo pipefail
server="${1:-http://127.0.0.1:5081}"

spec() { # effects covariance level
  cat <<JSON
{"spec":{"dependent":{"indicator":"rgdpna","transform":"VARIABLE_TRANSFORM_LOG"},
 "regressors":[{"indicator":"pop","transform":"VARIABLE_TRANSFORM_LOG"},{"indicator":"hc","transform":"VARIABLE_TRANSFORM_LOG"},{"indicator":"openness"}],
 "sample":{"groups":["WLD"],"from":1950,"to":2017},"fixedEffects":"$1","covariance":"$2","confidenceLevel":$3}}
JSON
}

fit() { # label effects covariance level
  local body out
  body="$(spec "$2" "$3" "$4")"
  out="$(curl -sf -o /tmp/estimate-bench.json -w '%{time_total}' -X POST "$server/v1/fits" -H 'Content-Type: application/json' -d "$body")"
  python3 - "$1" "$out" <<'PY'
import json, sys
fit = json.load(open('/tmp/estimate-bench.json'))['fit']
print(f"{sys.argv[1]:<44} {float(sys.argv[2])*1000:8.1f} ms  N={fit['observations']} economies={fit['economies']} cache={fit.get('fromCache', False)}")
PY
}

for model in "FIXED_EFFECTS_KIND_NONE COVARIANCE_TYPE_HC1" "FIXED_EFFECTS_KIND_NONE COVARIANCE_TYPE_CLUSTER" "FIXED_EFFECTS_KIND_TWO_WAY COVARIANCE_TYPE_CLUSTER"; do
  set -- $model
  fit "$1 $2 first" "$1" "$2" 0.95
  fit "$1 $2 refit" "$1" "$2" 0.951
  fit "$1 $2 refit" "$1" "$2" 0.952
  fit "$1 $2 cached" "$1" "$2" 0.952
done
