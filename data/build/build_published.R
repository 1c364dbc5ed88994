# Builds data/default/series/published.csv from data/build/published_figures.csv,
# the hand-kept list of figures that the seed documents publish. Each input row
# carries the exact passage (`quote`) that states the figure and the number as
# printed (`stated`); value = stated * scale, where scale only changes the unit
# (1000: trillion -> billion; 0.1: 100 million -> billion) or turns a stated
# deficit into a negative balance (-1).
# When the seed documents are available (SEEDS_DIR), every quote is checked to
# occur in its document and every stated number to occur in its quote.
# Usage: Rscript data/build/build_published.R <output.csv> [SEEDS_DIR]

local({
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  source(file.path(dirname(f), "common.R"))
})
root <- repo_root()
a <- commandArgs(trailingOnly = TRUE)
out <- a[1]
seeds_dir <- if (length(a) >= 2) a[2] else ""
if (is.na(out)) stop("usage: build_published.R <output.csv> [SEEDS_DIR]")

fig <- read.csv(file.path(root, "data", "build", "published_figures.csv"),
                colClasses = "character", encoding = "UTF-8", na.strings = character(0))
seed_files <- c(itc = "itc-global-digital-trade-report-2025.txt",
                rcep = "rcep-digital-services-export-factors.txt",
                news = "china-digital-exports-news-2025.txt")
if (!all(fig$seed %in% names(seed_files))) stop("unknown seed key")

norm <- function(s) gsub("[[:space:]]+", " ", gsub("\\", "", s, fixed = TRUE))
if (nzchar(seeds_dir) && dir.exists(seeds_dir)) {
  texts <- vapply(seed_files, function(f) {
    norm(paste(readLines(file.path(seeds_dir, f), encoding = "UTF-8", warn = FALSE), collapse = "\n"))
  }, "")
  from_context <- 0
  for (i in seq_len(nrow(fig))) {
    q <- norm(fig$quote[i])
    if (!grepl(q, texts[[fig$seed[i]]], fixed = TRUE))
      stop(sprintf("row %d: quote not found in %s: %s", i + 1, fig$seed[i], q))
    if (!grepl(fig$stated[i], q, fixed = TRUE))
      stop(sprintf("row %d: stated number %s not in quote", i + 1, fig$stated[i]))
    if (!grepl(fig$year[i], q, fixed = TRUE) && !grepl("window|same sentence|endnote|same period|last year", fig$source[i]))
      from_context <- from_context + 1
  }
  cat(sprintf("verified %d quotes against %s (%d take their year from the surrounding text)\n",
              nrow(fig), seeds_dir, from_context))
} else {
  message("SEEDS_DIR not available: quotes not verified against the seed documents")
}

eco <- read.csv(file.path(root, "data", "default", "meta", "economies.csv"),
                colClasses = "character", na.strings = character(0))
if (!all(fig$economy %in% eco$code)) stop("unknown economy: ", paste(setdiff(fig$economy, eco$code), collapse = " "))
if (!all(fig$partner == "" | fig$partner %in% eco$code)) stop("unknown partner")
if (!all(grepl("^PUB_[A-Z0-9_]+$", fig$indicator))) stop("indicator codes must start with PUB_")
if (!all(fig$scale %in% c("1", "1000", "0.1", "-1"))) stop("unexpected scale")

value <- round(as.numeric(gsub(",", "", fig$stated, fixed = TRUE)) * as.numeric(fig$scale), 10)
pub <- data.frame(economy = fig$economy, indicator = fig$indicator,
                  year = fmt_year(as.numeric(fig$year)), value = fmt_num(value),
                  partner = fig$partner, flag = "published", source = fig$source)
pub <- sort_rows(pub, c("economy", "indicator", "year", "partner"))
dup <- duplicated(pub[, c("economy", "indicator", "year", "partner")])
if (any(dup)) stop("duplicate key: ", paste(apply(pub[dup, 1:3], 1, paste, collapse = " "), collapse = "; "))
write_csv_lf(pub, out)
cat(sprintf("published.csv: %d rows, %d indicators\n", nrow(pub), length(unique(pub$indicator))))
