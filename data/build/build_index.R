# Builds data/default/meta/indicators.csv (one row per indicator code used in
# the series files, definitions from data/build/indicator_defs.csv) and
# tests/TradeGrid.Data.Tests/fixtures/default_coverage.json.
# Usage: Rscript data/build/build_index.R

local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  source(file.path(dirname(f), "common.R"))
})
suppressPackageStartupMessages(library(jsonlite))
root <- repo_root()
def <- file.path(root, "data", "default")
rd <- function(p) read.csv(p, colClasses = "character", na.strings = character(0), encoding = "UTF-8")

pwt <- rd(gzfile(file.path(def, "series", "pwt91.csv.gz")))
pub <- rd(file.path(def, "series", "published.csv"))
eco <- rd(file.path(def, "meta", "economies.csv"))
grp <- rd(file.path(def, "meta", "groups.csv"))

defs <- rd(file.path(root, "data", "build", "indicator_defs.csv"))
if (anyDuplicated(defs$code)) stop("duplicate indicator definition")
used <- unique(c(pwt$indicator, pub$indicator))
if (!all(used %in% defs$code)) stop("indicator without definition: ", paste(setdiff(used, defs$code), collapse = " "))
unused <- setdiff(defs$code, used)
if (length(unused) > 0) message("note: defined but unused indicators dropped: ", paste(unused, collapse = " "))
ind <- sort_rows(defs[defs$code %in% used, c("code", "name", "unit", "source", "description")], "code")
write_csv_lf(ind, file.path(def, "meta", "indicators.csv"))

# Consistency checks across the files.
if (!all(c(pwt$economy, pub$economy) %in% eco$code)) stop("series economy missing from economies.csv")
if (!all(pub$partner == "" | pub$partner %in% eco$code)) stop("partner missing from economies.csv")
if (!all(c(grp$group, grp$member) %in% eco$code)) stop("group code missing from economies.csv")

yrs <- as.integer(pwt$year)
cov <- list(
  pwt_economies = length(unique(pwt$economy)),
  pwt_years = c(min(yrs), max(yrs)),
  pwt_rows = nrow(pwt),
  economies_rows = nrow(eco),
  published_rows = nrow(pub)
)
fx <- file.path(root, "tests", "TradeGrid.Data.Tests", "fixtures")
dir.create(fx, recursive = TRUE, showWarnings = FALSE)
con <- file(file.path(fx, "default_coverage.json"), open = "wb")
writeBin(charToRaw(paste0(toJSON(cov, auto_unbox = TRUE, pretty = TRUE), "\n")), con)
close(con)
cat(sprintf("indicators.csv: %d rows; coverage: %s\n", nrow(ind), toJSON(cov, auto_unbox = TRUE)))
