#!/usr/bin/env Rscript
# R side of the forecast benchmark (bench/forecast/run.sh runs it beside the TradeGrid server).
# Series: PWT 9.1 (Debian's r-cran-pwt9) real GDP at constant national prices (rgdpna) of every country with a value
# in every year 1970-2017: the same series the default TradeGrid dataset serves.
# 1. Holdout: fit 1970-2011, forecast 2012-2017 (h = 6) with forecast's ets, auto.arima, thetaf, rwf(drift) and naive;
#    sMAPE = 200/h * sum |y - f| / (|y| + |f|), MASE = mean |y - f| / in-sample one-step naive MAE (1970-2011).
# 2. Timing: the same series x {naive, drift, cagr, ets, arima, theta, combination} as TradeGrid computes them
#    (cagr = rwf(log y, drift) back-transformed; combination = mean of ets, auto.arima and thetaf, each refitted),
#    one R process, single-threaded as R is; elapsed and CPU seconds per method. Also combination_from_fits: the same
#    mean taken from the ets, auto.arima and thetaf forecasts the three timed loops just made (no refit), which is the
#    work TradeGrid's combination does when it runs beside those three jobs and reuses their fits.
# Usage: Rscript holdout.R OUT_DIR
suppressPackageStartupMessages({ library(forecast); library(pwt9) })
args <- commandArgs(trailingOnly = TRUE)
out <- if (length(args) >= 1) args[1] else "."
data("pwt9.1", package = "pwt9")
d <- pwt9.1[pwt9.1$year >= 1970 & pwt9.1$year <= 2017, c("isocode", "year", "rgdpna")]
d$isocode <- as.character(d$isocode)
complete <- tapply(d$rgdpna, d$isocode, function(v) length(v) == 48 && all(!is.na(v)))
codes <- sort(names(complete)[complete])
series <- lapply(codes, function(code) { s <- d[d$isocode == code, ]; s$rgdpna[order(s$year)] })
names(series) <- codes
h <- 6
train <- function(y) ts(y[1:42], start = 1970)
actual <- function(y) y[43:48]

smape <- function(y, f) 200 / length(y) * sum(abs(y - f) / (abs(y) + abs(f)))
mase <- function(y, f, x) mean(abs(y - f)) / mean(abs(diff(x)))

methods <- list(
  "R ets" = function(x) forecast(ets(x), h = h)$mean,
  "R auto.arima" = function(x) forecast(auto.arima(x), h = h)$mean,
  "R thetaf" = function(x) thetaf(x, h = h)$mean,
  "R rwf(drift)" = function(x) rwf(x, h = h, drift = TRUE)$mean,
  "R naive" = function(x) naive(x, h = h)$mean)

rows <- list()
for (code in codes) {
  x <- train(series[[code]]); y <- actual(series[[code]])
  for (m in names(methods)) {
    f <- as.numeric(methods[[m]](x))
    rows[[length(rows) + 1]] <- data.frame(economy = code, method = m, smape = smape(y, f), mase = mase(y, f, as.numeric(x)))
  }
}
holdout <- do.call(rbind, rows)
write.csv(holdout, file.path(out, "r_holdout.csv"), row.names = FALSE)
values <- data.frame(economy = rep(codes, each = 48), year = rep(1970:2017, length(codes)), value = unlist(series))
write.csv(format(values, digits = 17), file.path(out, "r_series.csv"), row.names = FALSE, quote = FALSE)

timed <- list(
  naive = function(x) naive(x, h = h, level = c(80, 95)),
  drift = function(x) rwf(x, h = h, drift = TRUE, level = c(80, 95)),
  cagr = function(x) { f <- rwf(log(x), h = h, drift = TRUE, level = c(80, 95)); list(exp(f$mean), exp(f$lower), exp(f$upper)) },
  ets = function(x) forecast(ets(x), h = h, level = c(80, 95)),
  arima = function(x) forecast(auto.arima(x), h = h, level = c(80, 95)),
  theta = function(x) thetaf(x, h = h, level = c(80, 95)),
  combination = function(x) {
    p <- list(forecast(ets(x), h = h, level = c(80, 95)), forecast(auto.arima(x), h = h, level = c(80, 95)), thetaf(x, h = h, level = c(80, 95)))
    list(Reduce(`+`, lapply(p, function(f) f$mean)) / 3, Reduce(`+`, lapply(p, function(f) f$lower)) / 3, Reduce(`+`, lapply(p, function(f) f$upper)) / 3)
  })
trains <- lapply(series, train)
timing <- data.frame(method = c(names(timed), "combination_from_fits"), seconds = NA_real_, cpu_seconds = NA_real_, series = length(codes))
made <- list()
for (i in seq_along(timed)) {
  t <- system.time(made[[names(timed)[i]]] <- lapply(trains, timed[[i]]))
  timing$seconds[i] <- t[["elapsed"]]
  timing$cpu_seconds[i] <- t[["user.self"]] + t[["sys.self"]]
}
average <- function(p, part) Reduce(`+`, lapply(p, function(f) f[[part]])) / 3
t <- system.time(for (j in seq_along(trains)) {
  p <- list(made$ets[[j]], made$arima[[j]], made$theta[[j]])
  list(average(p, "mean"), average(p, "lower"), average(p, "upper"))
})
timing$seconds[length(timed) + 1] <- t[["elapsed"]]
timing$cpu_seconds[length(timed) + 1] <- t[["user.self"]] + t[["sys.self"]]
write.csv(timing, file.path(out, "r_timing.csv"), row.names = FALSE)
writeLines(c(R.version.string, paste("forecast", packageVersion("forecast")), paste("pwt9", packageVersion("pwt9"))), file.path(out, "r_versions.txt"))
cat(sprintf("R: %d series, holdout and timing written to %s (total %.2f s)\n", length(codes), out, sum(timing$seconds)))
