#!/usr/bin/env bash
# Forecast benchmark in one run: starts the Release server on its own ports, runs R's side (holdout.R), statsmodels'
# ETS and ARIMA timings (statsmodels_timing.py, skipped if /usr/bin/python3 has no statsmodels) and then TradeGrid's
# (ForecastBench) on the same PWT series. The report is printed and written to bench/out/forecast-<UTC time>.md
# (bench/out is not tracked); bench/forecast/RESULTS.md is edited by hand from a printed report.
# Needs the .NET 10 SDK and R with r-cran-forecast and r-cran-pwt9. Usage: bench/forecast/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${OUT:-$root/bench/out/forecast}
report="$root/bench/out/forecast-$(date -u +%Y%m%d-%H%M%S).md"
grpc=${GRPC_PORT:-5390}
http=${HTTP_PORT:-5391}
mkdir -p "$out"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

dotnet build -c Release "$root/silo/TradeGrid.Silo.csproj" -v q -nologo
dotnet build -c Release "$here/ForecastBench/ForecastBench.csproj" -v q -nologo

# Rate limits off and room for 100 jobs: the bench sends up to 76 ForecastAll jobs at once from one anonymous caller
# (the defaults allow 2 per caller and 4 in all).
dotnet "$root/silo/bin/Release/net10.0/TradeGrid.Silo.dll" --grpc-port "$grpc" --http-port "$http" \
  --silo-port "${SILO_PORT:-11391}" --gateway-port "${GATEWAY_PORT:-30091}" --Logging:LogLevel:Default=Warning \
  --TradeGrid:RateLimits:Enabled=false --TradeGrid:Limits:MaxConcurrentJobs=100 > "$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$http/healthz" > /dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$http/healthz" > /dev/null || { echo "server did not become healthy; see $out/server.log" >&2; exit 1; }

Rscript "$here/holdout.R" "$out"
rm -f "$out/statsmodels_timing.csv"
if /usr/bin/python3 -c "import statsmodels" 2> /dev/null; then
  /usr/bin/python3 "$here/statsmodels_timing.py" "$out"
fi
dotnet "$here/ForecastBench/bin/Release/net10.0/ForecastBench.dll" "http://127.0.0.1:$grpc" "$out" "$report" "$server" "$load_start"
echo "report written to $report" >&2
