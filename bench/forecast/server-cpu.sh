#!/usr/bin/env bash
# Server CPU of ForecastAll for one method, for comparing two builds of the server side by side: starts the given
# Release silo on its own ports, sends ForecastAll of METHOD over every economy's rgdpna, pop, emp and cgdpo fitted to
# 2010 (the four requests at once, each at an interval level no earlier request used, so nothing comes from a cache),
# twice to warm up and then ROUNDS times, and prints the silo's CPU time (user + system, from /proc) over each round.
# Usage: bench/forecast/server-cpu.sh SILO_DLL [METHOD] [ROUNDS], e.g. with silo/bin/Release/net10.0/TradeGrid.Silo.dll
# of two checkouts in turn. Needs the client built (dotnet build -c Release client).
set -euo pipefail
silo=$1
method=${2:-arima}
rounds=${3:-3}
root=$(cd "$(dirname "$0")/../.." && pwd)
grpc=${GRPC_PORT:-5490}
http=${HTTP_PORT:-5491}
log=$(mktemp)
dotnet "$silo" --grpc-port "$grpc" --http-port "$http" --silo-port "${SILO_PORT:-11491}" --gateway-port "${GATEWAY_PORT:-30191}" \
  --Logging:LogLevel:Default=Warning --TradeGrid:RateLimits:Enabled=false --TradeGrid:Limits:MaxConcurrentJobs=100 > "$log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true; wait "$server" 2> /dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$http/healthz" > /dev/null && break
  kill -0 "$server" 2> /dev/null || { echo "the silo stopped; see $log" >&2; exit 1; }
  sleep 1
done
level=60
round() {
  local pids=""
  for indicator in rgdpna pop emp cgdpo; do
    level=$((level + 1))
    dotnet "$root/client/bin/Release/net10.0/tradegrid.dll" --server "http://127.0.0.1:$grpc" forecast-all --indicator "$indicator" \
      --method "$method" --h 6 --train-end 2010 --levels "$level" --output csv > /dev/null 2>&1 &
    pids="$pids $!"
  done
  # shellcheck disable=SC2086 # one pid per word
  wait $pids
}
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
ticks=$(getconf CLK_TCK)
round
round
for r in $(seq 1 "$rounds"); do
  before=$(cpu)
  round
  after=$(cpu)
  echo "$method round $r: server CPU $(( (after - before) * 1000 / ticks )) ms"
done
