#!/usr/bin/env bash
# Out-of-sample accuracy of every TradeGrid forecasting method beside R's forecast package, per collection:
# mean and median sMAPE and MASE, and OWA against naive (see Accuracy/Collections.cs for the splits).
# Needs the .NET 10 SDK and R with r-cran-forecast. In-process (no server); two worker threads.
#   bash bench/forecast/accuracy.sh                 # every collection: pwt, unctad, wdi, wdi2, batis
#   COLLECTIONS=pwt,unctad,wdi bash bench/forecast/accuracy.sh   # the validation collections only
#   SHARED_DATA=/path/to/shared/data bash bench/forecast/accuracy.sh   # default: ../shared/data beside the checkout
# Writes $OUT/report.md (default bench/out/forecast-accuracy).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${SHARED_DATA:-$root/../shared/data}
collections=${COLLECTIONS:-pwt,unctad,wdi,wdi2,batis}
out=${OUT:-$root/bench/out/forecast-accuracy}
mkdir -p "$out"
tag=${collections//,/-}

dotnet build -c Release "$here/Accuracy/Accuracy.csproj" -v q -nologo > "$out/build.log" || { cat "$out/build.log"; exit 1; }
bench="$here/Accuracy/bin/Release/net10.0/Accuracy.dll"
dotnet "$bench" prepare "$root/data" "$shared" "$collections" "$out/series-$tag.csv"
Rscript "$here/accuracy.R" "$out/series-$tag.csv" "$out/r-$tag.csv"
dotnet "$bench" score "$out/series-$tag.csv" "$out/r-$tag.csv" "$out/report-$tag.md"
