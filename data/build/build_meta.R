# Builds data/default/meta/economies.csv and data/default/meta/groups.csv
# from r-cran-wdi's bundled country table (WDI_data$country), the economy list
# of Penn World Table 9.1 (r-cran-pwt9) and the group memberships below.
# Usage: Rscript data/build/build_meta.R

local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  source(file.path(dirname(f), "common.R"))
})
root <- repo_root()
out_dir <- file.path(root, "data", "default", "meta")

suppressPackageStartupMessages({ library(WDI); library(pwt9) })

# ---- economies --------------------------------------------------------------
wdi <- as.data.frame(WDI::WDI_data$country, stringsAsFactors = FALSE)
wdi <- wdi[!is.na(wdi$iso3c) & code_ok(wdi$iso3c), ]
if (anyDuplicated(wdi$iso3c)) stop("duplicate iso3c in WDI country table")
na2e <- function(x) { x <- as.character(x); x[is.na(x)] <- ""; trimws(x) }
eco <- data.frame(
  code = wdi$iso3c,
  name = na2e(wdi$country),
  region = na2e(wdi$region),
  income_group = na2e(wdi$income),
  is_aggregate = ifelse(na2e(wdi$region) == "Aggregates", "true", "false"),
  iso2 = na2e(wdi$iso2c)
)

pwt <- get(data("pwt9.1", package = "pwt9", envir = environment()))
pwt_eco <- unique(data.frame(code = as.character(pwt$isocode), name = as.character(pwt$country)))
missing <- pwt_eco[!pwt_eco$code %in% eco$code, ]
if (nrow(missing) > 0) {
  # ISO 3166-1 alpha-2 codes of the PWT economies that the WDI table lacks.
  iso2_known <- c(AIA = "AI", MSR = "MS")
  eco <- rbind(eco, data.frame(
    code = missing$code, name = missing$name, region = "", income_group = "",
    is_aggregate = "false",
    iso2 = ifelse(missing$code %in% names(iso2_known), iso2_known[missing$code], "")
  ))
}

named_aggregates <- data.frame(
  code = c("WLD", "EU27", "RCEP", "ASEAN", "ITC_TOP10"),
  name = c("World",
           "European Union (27 members)",
           "Regional Comprehensive Economic Partnership",
           "Association of Southeast Asian Nations",
           "Top 10 economies of the ITC Global Digital Trade Development Report 2025"),
  region = "Aggregates", income_group = "Aggregates", is_aggregate = "true", iso2 = ""
)
eco <- rbind(eco, named_aggregates[!named_aggregates$code %in% eco$code, ])
if (!all(code_ok(eco$code))) stop("bad economy code")
if (anyDuplicated(eco$code)) stop("duplicate economy code")
eco <- sort_rows(eco, "code")
write_csv_lf(eco, file.path(out_dir, "economies.csv"))

# ---- groups -----------------------------------------------------------------
grp <- function(group, members, from, to = NA) {
  data.frame(group = group, member = members, from_year = from, to_year = to)
}
eu27 <- rbind(
  grp("EU27", c("BEL", "FRA", "DEU", "ITA", "LUX", "NLD"), 1958),
  grp("EU27", c("DNK", "IRL"), 1973),
  grp("EU27", "GRC", 1981),
  grp("EU27", c("ESP", "PRT"), 1986),
  grp("EU27", c("AUT", "FIN", "SWE"), 1995),
  grp("EU27", c("CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN"), 2004),
  grp("EU27", c("BGR", "ROU"), 2007),
  grp("EU27", "HRV", 2013)
)
asean <- rbind(
  grp("ASEAN", c("IDN", "MYS", "PHL", "SGP", "THA"), 1967),
  grp("ASEAN", "BRN", 1984),
  grp("ASEAN", "VNM", 1995),
  grp("ASEAN", c("LAO", "MMR"), 1997),
  grp("ASEAN", "KHM", 1999)
)
# Years of entry into force of the RCEP agreement for each party
# (1 Jan 2022 for ten parties; KOR 1 Feb 2022; MYS 18 Mar 2022;
# IDN 2 Jan 2023; PHL 2 Jun 2023). Myanmar is left out: see data/README.md.
rcep <- rbind(
  grp("RCEP", c("AUS", "BRN", "KHM", "CHN", "JPN", "LAO", "NZL", "SGP", "THA", "VNM"), 2022),
  grp("RCEP", c("KOR", "MYS"), 2022),
  grp("RCEP", c("IDN", "PHL"), 2023)
)
# The ten economies the ITC report evaluates (its "EU" is the EU of 27).
top10 <- grp("ITC_TOP10",
             c(eu27$member, "USA", "CHN", "GBR", "JPN", "CAN", "IND", "MEX", "RUS", "BRA"),
             NA)
groups <- rbind(eu27, asean, rcep, top10)
if (nrow(eu27) != 27 || nrow(asean) != 10 || nrow(rcep) != 14 || nrow(top10) != 36) stop("group sizes")
if (!all(groups$member %in% eco$code[eco$is_aggregate == "false"])) stop("unknown group member")
if (!all(groups$group %in% eco$code[eco$is_aggregate == "true"])) stop("unknown group")
if (anyDuplicated(groups[, c("group", "member")])) stop("duplicate membership")
groups$from_year <- ifelse(is.na(groups$from_year), "", fmt_year(ifelse(is.na(groups$from_year), 0, groups$from_year)))
groups$to_year <- ""
groups <- sort_rows(groups, c("group", "member"))
write_csv_lf(groups, file.path(out_dir, "groups.csv"))

cat(sprintf("economies.csv: %d rows; groups.csv: %d rows\n", nrow(eco), nrow(groups)))
