#!/usr/bin/env bash
# Time from kill -9 of the silo running a scenario job (held by the job gate just after its first checkpoint) to the
# job completed, read through the survivor; beside it the same job uninterrupted. Needs a Release build of silo/.
set -u
cd "$(dirname "$0")/../.."
pg=$(bash .ci/postgres 2>/dev/null); PG=$(sed -n 1p <<<"$pg")
dotnet silo/bin/Release/net10.0/TradeGrid.Silo.dll db migrate --postgres "$PG" | tail -1
gate=$(mktemp -d)
P1=$((20000 + RANDOM % 10000)); P2=$((30000 + RANDOM % 10000)); S1=$((50000 + RANDOM % 4000)); S2=$((54000 + RANDOM % 4000))
dotnet silo/bin/Release/net10.0/TradeGrid.Silo.dll --postgres "$PG" --grpc-port $P1 --http-port $((P1+1)) --silo-port $S1 --gateway-port 0 --TradeGrid:Testing:JobGate=$gate > /tmp/cluster-k1.log 2>&1 & a=$!
for i in $(seq 300); do grep -q "TradeGrid ready" /tmp/cluster-k1.log && break; sleep 1; done
dotnet silo/bin/Release/net10.0/TradeGrid.Silo.dll --postgres "$PG" --grpc-port $P2 --http-port $((P2+1)) --silo-port $S2 --gateway-port 0 --TradeGrid:Testing:JobGate=$gate > /tmp/cluster-k2.log 2>&1 & b=$!
for i in $(seq 300); do grep -q "TradeGrid ready" /tmp/cluster-k2.log && break; sleep 1; done
echo "load: $(cat /proc/loadavg)"
spec='{"spec":{"preset":"itc-world-2030","target_year":2020,"paths":300,"seed":7,"baselines":[{"indicator":"cgdpo","kind":"DRIVER_PATH_KIND_CONSTANT"},{"indicator":"openness","kind":"DRIVER_PATH_KIND_CONSTANT"},{"indicator":"trade","kind":"DRIVER_PATH_KIND_CONSTANT"}]}}'
# Reference: the same job without a loss.
t0=$(date +%s.%N)
job=$(curl -s -X POST http://127.0.0.1:$((P1+1))/v1/scenarios -d "$spec" | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"]["jobId"])')
while curl -s http://127.0.0.1:$((P1+1))/v1/scenarios/$job | grep -q SCENARIO_JOB_STATE_RUNNING; do sleep 0.2; done
echo "uninterrupted job: $(echo "$(date +%s.%N) - $t0" | bc) s"
touch $gate/hold-checkpoint
job=$(curl -s -X POST http://127.0.0.1:$((P1+1))/v1/scenarios -d "$spec" | python3 -c 'import json,sys; print(json.load(sys.stdin)["job"]["jobId"])')
while [ ! -s $gate/reached-checkpoint ]; do sleep 0.05; done; sleep 0.2
holder=$(head -1 $gate/reached-checkpoint)
if [ "$holder" = "$a" ]; then victim=$a; port=$((P2+1)); else victim=$b; port=$((P1+1)); fi
t0=$(date +%s.%N); kill -9 $victim; rm $gate/hold-checkpoint
echo "killed $victim (held after wave $(sed -n 3p $gate/reached-checkpoint)); asking the survivor on $port"
while true; do out=$(curl -s -m 30 http://127.0.0.1:$port/v1/scenarios/$job); echo "$out" | grep -q SCENARIO_JOB_STATE_COMPLETED && break; sleep 0.2; done
echo "kill -9 to completion: $(echo "$(date +%s.%N) - $t0" | bc) s"
echo "load end: $(cat /proc/loadavg)"
kill -9 $a $b 2>/dev/null
bash .ci/postgres stop "$(sed -n 2p <<<"$pg")" 2>/dev/null
rm -rf $gate
