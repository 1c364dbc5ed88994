#!/usr/bin/env bash
# Times fits through a running server's JSON/HTTP route (default http://127.0.0.1:5081), on the default dataset (PWT 9.1):
# ln rgdpna on ln pop, ln hc and openness over every economy (WLD), 1950-2017, pooled OLS (HC1, cluster) and two-way FE.
# Each model is fitted: first call (grain activations, JIT, rows built); first fit of a new spec (the sample's first year
# moved to 1949, before PWT's first year, so the rows are the same, but the first year is part of the rows key: every
# economy builds its rows again); two refits (a new confidence level: a new fit id, every round runs again, the rows
# the economies kept are reused); from cache. Prints the load average before and after.
# Usage: bench/estimate-service/run.sh [http://host:port]
set -euo pipefail
server="${1:-http://127.0.0.1:5081}"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"

spec() { # effects covariance level from
  cat <<JSON
{"spec":{"dependent":{"indicator":"rgdpna","transform":"VARIABLE_TRANSFORM_LOG"},
 "regressors":[{"indicator":"pop","transform":"VARIABLE_TRANSFORM_LOG"},{"indicator":"hc","transform":"VARIABLE_TRANSFORM_LOG"},{"indicator":"openness"}],
 "sample":{"groups":["WLD"],"from":$4,"to":2017},"fixedEffects":"$1","covariance":"$2","confidenceLevel":$3}}
JSON
}

fit() { # label effects covariance level from
  local body out
  body="$(spec "$2" "$3" "$4" "$5")"
  out="$(curl -sf -o /tmp/estimate-bench.json -w '%{time_total}' -X POST "$server/v1/fits" -H 'Content-Type: application/json' -d "$body")"
  python3 - "$1" "$out" <<'PY'
import json, sys
fit = json.load(open('/tmp/estimate-bench.json'))['fit']
print(f"{sys.argv[1]:<44} {float(sys.argv[2])*1000:8.1f} ms  N={fit['observations']} economies={fit['economies']} cache={fit.get('fromCache', False)}")
PY
}

for model in "FIXED_EFFECTS_KIND_NONE COVARIANCE_TYPE_HC1" "FIXED_EFFECTS_KIND_NONE COVARIANCE_TYPE_CLUSTER" "FIXED_EFFECTS_KIND_TWO_WAY COVARIANCE_TYPE_CLUSTER"; do
  set -- $model
  fit "$1 $2 first call" "$1" "$2" 0.95 1950
  fit "$1 $2 new spec (rows built)" "$1" "$2" 0.95 1949
  fit "$1 $2 refit (rows reused)" "$1" "$2" 0.951 1949
  fit "$1 $2 refit (rows reused)" "$1" "$2" 0.952 1949
  fit "$1 $2 cached" "$1" "$2" 0.952 1949
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
