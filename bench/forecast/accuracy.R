# R's side of bench/forecast/accuracy.sh: forecast (Debian r-cran-forecast) on the same splits as TradeGrid.
#   Rscript accuracy.R <series.csv> <forecasts.csv>
# series.csv: collection,group,id,origin,train,test (values ';'-joined). Writes collection,id,method,values with
# R's ets, auto.arima, thetaf, naive and rwf(drift = TRUE), each with its defaults; "NA" where R stops with an error.
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
cases <- read.csv(args[1], colClasses = "character")
methods <- list(
  "R ets" = function(y, h) forecast(ets(y), h = h)$mean,
  "R auto.arima" = function(y, h) forecast(auto.arima(y), h = h)$mean,
  "R thetaf" = function(y, h) thetaf(y, h = h)$mean,
  "R naive" = function(y, h) naive(y, h = h)$mean,
  "R rwf drift" = function(y, h) rwf(y, drift = TRUE, h = h)$mean)
rows <- vector("list", nrow(cases) * length(methods))
k <- 0
for (i in seq_len(nrow(cases))) {
  y <- ts(as.numeric(strsplit(cases$train[i], ";", fixed = TRUE)[[1]]))
  h <- length(strsplit(cases$test[i], ";", fixed = TRUE)[[1]])
  for (m in names(methods)) {
    f <- tryCatch(as.numeric(methods[[m]](y, h)), error = function(e) rep(NA_real_, h))
    k <- k + 1
    rows[[k]] <- paste(cases$collection[i], cases$id[i], m,
                       paste(ifelse(is.na(f), "NA", sprintf("%.17g", f)), collapse = ";"), sep = ",")
  }
}
writeLines(c("collection,id,method,values", unlist(rows)), args[2])
cat("R forecasts for", nrow(cases), "series, forecast", as.character(packageVersion("forecast")), "\n")
