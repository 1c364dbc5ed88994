#!/usr/bin/env bash
# Regenerates the default dataset (data/default) and its test fixtures from
# Debian's r-cran-pwt9 and r-cran-wdi and the hand-kept list of published
# figures in data/build/published_figures.csv.
#
#   bash data/build/build.sh
#
# Needs: Rscript with the Debian packages r-cran-pwt9, r-cran-wdi and
# r-cran-jsonlite (apt-get install r-base-core r-cran-pwt9 r-cran-wdi r-cran-jsonlite),
# gzip. The seed documents (SEEDS_DIR; by default ../shared/seeds beside the
# repository) are optional: when found, every published figure's quote is
# checked against them.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
export LC_ALL=C.UTF-8 TZ=UTC

seeds="${SEEDS_DIR:-}"
if [[ -z "$seeds" ]]; then
  for d in "$root/../shared/seeds" "$root/../../shared/seeds"; do
    if [[ -d "$d" ]]; then seeds="$(cd "$d" && pwd)"; break; fi
  done
fi

Rscript -e 'suppressPackageStartupMessages({library(pwt9); library(WDI); library(jsonlite)})' \
  || { echo "build.sh: needs r-cran-pwt9, r-cran-wdi and r-cran-jsonlite" >&2; exit 1; }

out="$root/data/default"
mkdir -p "$out/meta" "$out/series"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

Rscript "$here/build_meta.R"
Rscript "$here/build_pwt.R" "$tmp/pwt91.csv"
gzip -n -9 -c "$tmp/pwt91.csv" > "$out/series/pwt91.csv.gz"
Rscript "$here/build_published.R" "$out/series/published.csv" "$seeds"
Rscript "$here/build_index.R"
Rscript "$root/tests/TradeGrid.Data.Tests/fixtures/pwt_known_values.R"

du -sh "$out" | sed 's/^/data\/default size: /'
