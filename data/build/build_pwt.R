# Builds data/default/series/pwt91.csv (gzipped afterwards by build.sh) from
# Penn World Table 9.1 as shipped in Debian's r-cran-pwt9 (dataset pwt9.1).
# Reported variables keep PWT's names; derived trade variables are computed
# from cgdpo and the current-price shares csh_x and csh_m.
# Usage: Rscript data/build/build_pwt.R <output.csv>

local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  source(file.path(dirname(f), "common.R"))
})
out <- commandArgs(trailingOnly = TRUE)[1]
if (is.na(out)) stop("usage: build_pwt.R <output.csv>")

suppressPackageStartupMessages(library(pwt9))
pwt <- get(data("pwt9.1", package = "pwt9", envir = environment()))
pwt$isocode <- as.character(pwt$isocode)

vars <- c("rgdpna", "rgdpe", "cgdpo", "pop", "emp", "hc", "xr",
          "csh_x", "csh_m", "pl_x", "pl_m")
src_reported <- "Penn World Table 9.1 (Feenstra, Inklaar and Timmer 2015), r-cran-pwt9"

long <- function(ind, value, flag, source) {
  keep <- !is.na(value)
  data.frame(economy = pwt$isocode[keep], indicator = ind,
             year = pwt$year[keep], value = value[keep],
             flag = flag, source = source)
}

parts <- lapply(vars, function(v) long(v, as.numeric(pwt[[v]]), "reported", src_reported))

# Derived series. In PWT, csh_m (share of merchandise imports at current PPPs)
# is recorded as a negative number, so imports = -csh_m * cgdpo is positive.
exports <- pwt$csh_x * pwt$cgdpo
imports <- -pwt$csh_m * pwt$cgdpo
trade <- exports + imports
openness <- ifelse(!is.na(pwt$cgdpo) & pwt$cgdpo != 0, (exports + imports) / pwt$cgdpo, NA)
src_d <- function(formula) paste0("derived: ", formula, "; Penn World Table 9.1, r-cran-pwt9")
parts <- c(parts, list(
  long("exports", exports, "derived", src_d("exports = csh_x*cgdpo")),
  long("imports", imports, "derived", src_d("imports = -csh_m*cgdpo")),
  long("trade", trade, "derived", src_d("trade = exports+imports = (csh_x-csh_m)*cgdpo")),
  long("openness", openness, "derived", src_d("openness = (exports+imports)/cgdpo"))
))
d <- do.call(rbind, parts)
if (any(!is.finite(d$value))) stop("non-finite value")
d$year <- fmt_year(d$year)
d$value <- fmt_num(d$value)
d <- sort_rows(d, c("economy", "indicator", "year"))
if (anyDuplicated(d[, c("economy", "indicator", "year")])) stop("duplicate key")
write_csv_lf(d, out)
cat(sprintf("pwt91.csv: %d rows, %d economies, years %s-%s; csh_m > 0 in %d rows, csh_x < 0 in %d rows\n",
            nrow(d), length(unique(d$economy)), min(d$year), max(d$year),
            sum(pwt$csh_m > 0, na.rm = TRUE), sum(pwt$csh_x < 0, na.rm = TRUE)))
