#!/usr/bin/env bash
# Import throughput into PostgreSQL-backed grains, beside the memory backend: 1,000,000 tidy rows (500 economies x
# 20 indicators x 100 years, made by the python below) imported twice through the client into one Release silo with
# --no-default-data, each backend in turn. Wall time per import includes the client process start. Needs a Release
# build of silo/ (dotnet build -c Release silo) and a Debug build of client/ (dotnet build client).
set -u
cd "$(dirname "$0")/../.."
run() { # $1 = label, rest = backend args
  label=$1; shift
  P=$((20000 + RANDOM % 30000)); S=$((50000 + RANDOM % 9000))
  dotnet silo/bin/Release/net10.0/TradeGrid.Silo.dll "$@" --no-default-data --grpc-port $P --http-port $((P+1)) --silo-port $S --gateway-port 0 > /tmp/cluster-ib.log 2>&1 & s=$!
  for i in $(seq 300); do grep -q "TradeGrid ready" /tmp/cluster-ib.log && break; sleep 1; done
  echo "$label load: $(cat /proc/loadavg)"
  for rep in 1 2; do
    start=$(date +%s.%N)
    dotnet client/bin/Debug/net10.0/tradegrid.dll import /tmp/cluster-1m.csv --create-economies --server http://127.0.0.1:$P > /tmp/cluster-ib-client.log 2>&1; rc=$?
    end=$(date +%s.%N)
    echo "$label run $rep: exit $rc, $(echo "$end - $start" | bc) s wall, $(grep -o 'committed' /tmp/cluster-ib-client.log | head -1)"
  done
  echo "$label server CPU (utime+stime ticks): $(awk '{print $14+$15}' /proc/$s/stat)"
  kill -9 $s; wait $s 2>/dev/null
}
[ -f /tmp/cluster-1m.csv ] || python3 - <<'PY'
import random
random.seed(1)
with open('/tmp/cluster-1m.csv', 'w') as f:
    f.write('economy,indicator,year,value\n')
    for e in range(500):
        for i in range(20):
            for y in range(1920, 2020):
                f.write(f'Q{e:03d},bench_{i:02d},{y},{random.random()*100:.6f}\n')
PY
pg=$(bash .ci/postgres); PG=$(sed -n 1p <<<"$pg")
dotnet silo/bin/Release/net10.0/TradeGrid.Silo.dll db migrate --postgres "$PG" | tail -1
run postgres --postgres "$PG"
run memory
bash .ci/postgres stop "$(sed -n 2p <<<"$pg")"
echo "load end: $(cat /proc/loadavg)"
