# Shared helpers for the default-dataset build scripts.
# Output conventions: UTF-8, LF line endings, header row, RFC 4180 quoting
# only where a field needs it, numbers with up to 15 significant digits and
# never in scientific notation, rows sorted in C (byte) order.

options(stringsAsFactors = FALSE, scipen = 999)
invisible(Sys.setlocale("LC_COLLATE", "C"))

# Repository root: the build scripts live in <root>/data/build.
repo_root <- function() {
  args <- commandArgs(trailingOnly = FALSE)
  f <- sub("^--file=", "", args[grep("^--file=", args)])
  if (length(f) == 1) {
    return(normalizePath(file.path(dirname(f), "..", ".."), mustWork = TRUE))
  }
  normalizePath(".", mustWork = TRUE)
}

# Format doubles with up to 15 significant digits, no exponent, no trailing
# zeros; integral values print as integers. NA -> "".
fmt_num <- function(x) {
  x <- as.numeric(x)
  out <- rep("", length(x))
  ok <- !is.na(x)
  if (any(!is.finite(x[ok]))) stop("non-finite value")
  s <- trimws(formatC(x[ok], digits = 15, format = "g"))
  sci <- grepl("e", s, fixed = TRUE)
  if (any(sci)) {
    s[sci] <- vapply(x[ok][sci], function(v) {
      if (abs(v) >= 1e15) stop("value too large for fixed notation: ", v)
      d <- 14 - floor(log10(abs(v)))
      trimws(formatC(v, format = "f", digits = d, drop0trailing = TRUE))
    }, "")
  }
  s <- sub("^-0$", "0", s)
  out[ok] <- s
  out
}

fmt_year <- function(y) {
  y <- as.numeric(y)
  if (any(is.na(y)) || any(y != round(y))) stop("year must be integral")
  sprintf("%d", as.integer(y))
}

csv_quote <- function(s) {
  s <- as.character(s)
  s[is.na(s)] <- ""
  need <- grepl("[\",\r\n]", s)
  s[need] <- paste0("\"", gsub("\"", "\"\"", s[need], fixed = TRUE), "\"")
  s
}

# Write a data frame of character columns as CSV (LF endings, UTF-8).
write_csv_lf <- function(df, path) {
  dir.create(dirname(path), recursive = TRUE, showWarnings = FALSE)
  cols <- lapply(df, csv_quote)
  lines <- c(paste(csv_quote(names(df)), collapse = ","),
             if (nrow(df) > 0) do.call(paste, c(cols, sep = ",")) else character(0))
  con <- file(path, open = "wb")
  on.exit(close(con))
  writeBin(charToRaw(enc2utf8(paste0(paste(lines, collapse = "\n"), "\n"))), con)
  invisible(nrow(df))
}

# Order rows by the given character columns, byte order.
sort_rows <- function(df, keys) {
  o <- do.call(order, c(unname(lapply(keys, function(k) df[[k]])), list(method = "radix")))
  df <- df[o, , drop = FALSE]
  rownames(df) <- NULL
  df
}

code_ok <- function(x) grepl("^[A-Z0-9_]{2,12}$", x)
