#!/usr/bin/env bash
# The same jobs on 1, 2 and 3 silos of one PostgreSQL-backed cluster on this machine: an import of a generated
# 1M-pair-year bilateral panel (2M rows: y and cost for 200 reporters × 200 partners × 25 years), a ForecastAll over
# every economy of the default dataset (ETS, then ARIMA: each a first computation, no cached forecast), and the
# structural-gravity PPML fit of y on cost with reporter×year + partner×year + pair effects on the 1M rows (a new
# spec, then the same model clustered by reporter: the rows are cached in the grains). Each N gets a fresh database.
# Per job: wall time (the client's or curl's whole call) and the CPU of every silo process over the call, read from
# /proc/PID/stat, so the coordination overhead shows as CPU. Needs Release builds of silo/ and client/ (the script
# builds them) and /usr/bin/python3 with numpy (the panel).  Usage: bash bench/cluster/scale.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/../.."
counts=("${@:-1 2 3}"); read -r -a counts <<<"${counts[*]}"
dotnet build silo -c Release -v q --nologo >/dev/null
dotnet build client -c Release -v q --nologo >/dev/null
silo_dll=silo/bin/Release/net10.0/TradeGrid.Silo.dll
client_dll=client/bin/Release/net10.0/tradegrid.dll
work=$(mktemp -d)
panel=$work/panel.csv
/usr/bin/python3 bench/cluster/panel.py "$panel"
echo "panel: $(($(wc -l < "$panel") - 1)) rows; machine: $(nproc) cores; load at the start: $(cat /proc/loadavg)"

free() { ! ss -Htan "( sport = :$1 )" | grep -q .; }
cpu_ms() { # summed utime+stime of the given pids, in ms
  local total=0 pid
  for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
  echo $((total * 1000 / $(getconf CLK_TCK)))
}
timed() { # label, command...: prints label, wall s, silo CPU s
  local label=$1; shift
  local c0 t0 t1 c1
  c0=$(cpu_ms "${silos[@]}"); t0=$(date +%s.%N)
  "$@" >"$work/out" 2>&1 || { echo "$label failed:"; tail -5 "$work/out"; return 1; }
  t1=$(date +%s.%N); c1=$(cpu_ms "${silos[@]}")
  printf '| %d | %s | %.2f | %.2f |\n' "$n" "$label" "$(echo "$t1 - $t0" | bc)" "$(echo "($c1 - $c0) / 1000" | bc -l)"
}

echo
echo "| silos | job | wall s | CPU s, all silos |"
echo "|---:|---|---:|---:|"
for n in "${counts[@]}"; do
  pg=$(bash .ci/postgres 2>/dev/null); PG=$(sed -n 1p <<<"$pg")
  dotnet "$silo_dll" db migrate --postgres "$PG" >/dev/null
  silos=(); ports=()
  for i in $(seq "$n"); do
    # Ports nobody listens on (nor holds in TIME_WAIT): a silo that cannot bind its port exits at start.
    until p=$((20000 + RANDOM % 20000)); s=$((50000 + RANDOM % 10000)); free "$p" && free $((p + 1)) && free "$s"; do :; done
    dotnet "$silo_dll" --postgres "$PG" --grpc-port "$p" --http-port $((p + 1)) --silo-port "$s" --gateway-port 0 \
      --Logging:LogLevel:Default=Warning >"$work/silo-$n-$i.log" 2>&1 &
    silos+=($!); ports+=("$p")
    # /healthz answers once the silo has joined and the cluster's start-up data is loaded (or found loaded).
    for _ in $(seq 600); do
      curl -sf "http://127.0.0.1:$((p + 1))/healthz" >/dev/null 2>&1 && break
      kill -0 "${silos[-1]}" 2>/dev/null || { echo "silo $i of $n exited at start:"; tail -5 "$work/silo-$n-$i.log"; exit 1; }
      sleep 0.5
    done
  done
  server=http://127.0.0.1:${ports[0]}; json=http://127.0.0.1:$((ports[0] + 1))
  timed "import 2M rows (1M pair-years), --create-economies" dotnet "$client_dll" import "$panel" --create-economies --server "$server"
  for method in ets arima; do
    timed "ForecastAll pop, $method, h 6, every economy" curl -sf -X POST "$json/v1/forecasts:all" \
      -d "{\"indicator\":\"pop\",\"method\":\"$method\",\"horizon\":6}"
  done
  timed "PPML y ~ cost \\| reporter^year + partner^year + pair, cluster pair (new spec)" dotnet "$client_dll" fit \
    --formula 'sc_y ~ sc_cost | reporter^year + partner^year + pair' --estimator ppml --cluster pair --output json --server "$server"
  timed "the same model clustered by reporter (a second spec)" dotnet "$client_dll" fit \
    --formula 'sc_y ~ sc_cost | reporter^year + partner^year + pair' --estimator ppml --cluster reporter --output json --server "$server"
  kill "${silos[@]}" 2>/dev/null || true; wait 2>/dev/null || true
  bash .ci/postgres stop "$(sed -n 2p <<<"$pg")" >/dev/null 2>&1 || true
done
echo
echo "load at the end: $(cat /proc/loadavg)"
rm -rf "$work"
