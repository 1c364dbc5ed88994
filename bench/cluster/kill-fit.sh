#!/usr/bin/env bash
# Time from kill -9 of the silo running a large fit to the fit's answer, beside the same fit uninterrupted. Two
# PostgreSQL-backed silos; the generated 1M-pair-year panel (bench/cluster/panel.py) imported once; the
# structural-gravity PPML (reporter^year + partner^year + pair, clustered by pair) fitted at two confidence levels
# (two fit ids, the same numbers): the first uninterrupted, the second held by the job gate just after its
# coordinator stored its plan, then the silo running it killed and the request sent to the survivor until it
# answers. Both fits after the first find the rows cached in the surviving economies' grains; the killed silo's
# economies build theirs again. Needs Release builds of silo/ and client/ and python3 with numpy.
# Usage: bash bench/cluster/kill-fit.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build silo -c Release -v q --nologo >/dev/null
dotnet build client -c Release -v q --nologo >/dev/null
silo_dll=silo/bin/Release/net10.0/TradeGrid.Silo.dll
client_dll=client/bin/Release/net10.0/tradegrid.dll
work=$(mktemp -d); gate=$work/gate; mkdir "$gate"
/usr/bin/python3 bench/cluster/panel.py "$work/panel.csv"
pg=$(bash .ci/postgres 2>/dev/null); PG=$(sed -n 1p <<<"$pg")
dotnet "$silo_dll" db migrate --postgres "$PG" >/dev/null
free() { ! ss -Htan "( sport = :$1 )" | grep -q .; }
pids=(); ports=()
for i in 1 2; do
  until p=$((20000 + RANDOM % 20000)); s=$((50000 + RANDOM % 10000)); free "$p" && free $((p + 1)) && free "$s"; do :; done
  dotnet "$silo_dll" --postgres "$PG" --grpc-port "$p" --http-port $((p + 1)) --silo-port "$s" --gateway-port 0 \
    --TradeGrid:Testing:JobGate="$gate" --Logging:LogLevel:Default=Warning >"$work/silo-$i.log" 2>&1 &
  pids+=($!); ports+=("$p")
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$((p + 1))/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
done
echo "load at the start: $(cat /proc/loadavg)"
dotnet "$client_dll" import "$work/panel.csv" --create-economies --server "http://127.0.0.1:${ports[0]}" >/dev/null
fit() { # level, port: the fit's JSON request through that silo's JSON port
  curl -sf -m 600 -X POST "http://127.0.0.1:$(($2 + 1))/v1/fits" -d "{\"spec\":{\"formula\":\"sc_y ~ sc_cost | reporter^year + partner^year + pair\",\"estimator\":\"ESTIMATOR_PPML\",\"covariance\":\"COVARIANCE_TYPE_CLUSTER_CR0\",\"cluster\":[\"pair\"],\"confidence_level\":$1,\"sample\":{\"economies\":[$(seq -f '"R%03g"' 0 199 | paste -sd,)],\"partners\":[$(seq -f '"P%03g"' 0 199 | paste -sd,)]}}}"
}
t0=$(date +%s.%N); fit 0.95 "${ports[0]}" >"$work/first.json"; t1=$(date +%s.%N)
echo "first fit (a new spec; the rows built in the grains), uninterrupted: $(echo "$t1 - $t0" | bc) s"
t0=$(date +%s.%N); fit 0.99 "${ports[0]}" >/dev/null; t1=$(date +%s.%N)
echo "a second spec (the rows cached), uninterrupted: $(echo "$t1 - $t0" | bc) s"
touch "$gate/hold-checkpoint"
fit 0.9 "${ports[0]}" >"$work/held.json" 2>/dev/null &
while [ ! -s "$gate/reached-checkpoint" ]; do sleep 0.05; done
holder=$(head -1 "$gate/reached-checkpoint")
if [ "$holder" = "${pids[0]}" ]; then victim=0; survivor=1; else victim=1; survivor=0; fi
t0=$(date +%s.%N); kill -9 "${pids[$victim]}"; rm "$gate/hold-checkpoint"
until fit 0.9 "${ports[$survivor]}" >"$work/resumed.json" 2>/dev/null; do sleep 0.2; done
t1=$(date +%s.%N)
echo "kill -9 of silo $((victim + 1)) (the one running the fit) to the fit's answer from silo $((survivor + 1)): $(echo "$t1 - $t0" | bc) s"
python3 - "$work/first.json" "$work/resumed.json" <<'PY'
import json, sys
a, b = (json.load(open(f))["fit"]["coefficients"][0] for f in sys.argv[1:])
print(f"beta {a['estimate']!r} / {b['estimate']!r}, SE {a['stdError']!r} / {b['stdError']!r}: {'identical' if (a['estimate'], a['stdError']) == (b['estimate'], b['stdError']) else 'DIFFERENT'}")
PY
grep -h "resumes" "$work"/silo-*.log | head -2
echo "load at the end: $(cat /proc/loadavg)"
kill -9 "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true
bash .ci/postgres stop "$(sed -n 2p <<<"$pg")" >/dev/null 2>&1 || true
rm -rf "$work"
