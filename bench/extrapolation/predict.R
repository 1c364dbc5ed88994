# The R side of the extrapolation benchmark (bench/TradeGrid.Bench, `extrapolate`): the same rows as the server's
# default dataset (data/default/series/pwt91.csv.gz), the same model (ln rgdpna ~ ln pop + hc + openness, every
# economy, 1990-2007, lm), then predict(lm, interval = "prediction") for every economy x 2008-2017 with Duan's
# smearing, timed over --reps repetitions after the data are in memory.
# Usage: Rscript predict.R <repo root> <reps> <output json>
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)
root <- args[1]; reps <- as.integer(args[2]); out <- args[3]
d <- read.csv(gzfile(file.path(root, "data/default/series/pwt91.csv.gz")), stringsAsFactors = FALSE)
d <- d[d$indicator %in% c("rgdpna", "pop", "hc", "openness"), c("economy", "indicator", "year", "value")]
w <- reshape(d, idvar = c("economy", "year"), timevar = "indicator", direction = "wide")
names(w) <- sub("^value\\.", "", names(w))
train <- w[w$year >= 1990 & w$year <= 2007 & !is.na(w$rgdpna) & w$rgdpna > 0 & !is.na(w$pop) & w$pop > 0 & !is.na(w$hc) & !is.na(w$openness), ]
newdata <- w[w$year >= 2008 & w$year <= 2017 & !is.na(w$pop) & w$pop > 0 & !is.na(w$hc) & !is.na(w$openness), ]
newdata <- newdata[order(newdata$economy, newdata$year), ]
fit_once <- function() lm(log(rgdpna) ~ log(pop) + hc + openness, data = train)
predict_once <- function(m) {
  p <- predict(m, newdata = newdata, interval = "prediction", level = 0.95, se.fit = TRUE)
  smear <- mean(exp(residuals(m)))
  list(point = exp(p$fit[, "fit"]) * smear, lower = exp(p$fit[, "lwr"]), upper = exp(p$fit[, "upr"]), se = p$se.fit)
}
m <- fit_once(); r <- predict_once(m)
fit_ms <- numeric(reps); predict_ms <- numeric(reps)
for (i in seq_len(reps)) {
  t0 <- proc.time()[["elapsed"]]; m <- fit_once(); t1 <- proc.time()[["elapsed"]]
  r <- predict_once(m); t2 <- proc.time()[["elapsed"]]
  fit_ms[i] <- (t1 - t0) * 1000; predict_ms[i] <- (t2 - t1) * 1000
}
write_json(list(r = R.version.string, n = nrow(train), predictions = nrow(newdata), fit_ms = fit_ms, predict_ms = predict_ms,
  economy = newdata$economy, year = newdata$year, point = unname(r$point), lower = unname(r$lower), upper = unname(r$upper)),
  out, digits = NA, auto_unbox = TRUE)
