# fixest's side of bench/estimate-service: the models EstimateServiceBench fits through the server, on the same rows
# and with the server's clusters and small-sample conventions, on 2 threads. Reads the panel's CSV (bench/estimate's
# columns: reporter, pair = reporter * P + partner, year, five regressors, lny, y) before any timer; then, per model,
# times each call with system.time: the formula parsed, the fixed-effect ids built from the data frame in memory, the
# fit and the clustered covariance. The first call is reported apart from the warm calls after it.
#   ols_cluster:    feols(lny ~ x, cluster = ~reporter)                               CR1: G/(G-1)·(N-1)/(N-K)
#   fe_two_way:     feols(lny ~ x | pair + year, cluster = ~reporter), fixef.K none   CR1 with K = slopes (server's FE)
#   ppml_pair_year: fepois(y ~ x | pair + year, cluster = ~reporter), adj = FALSE     CR0: G/(G-1)
#   sg_ols:  feols(lny ~ bilateral_cost | reporter^year + partner^year + pair, cluster = ~pair)  fixest's default ssc()
#   sg_ppml: fepois(y ~ bilateral_cost | reporter^year + partner^year + pair, cluster = ~pair), adj = FALSE   CR0
# Tolerances: fixef.tol = 1e-10 and glm.tol = 1e-10 (fixest's defaults 1e-6 and 1e-8), as bench/estimate/fixest_fits.R,
# so that fixest solves to about the precision the server does (projections 1e-13, IRLS 1e-12).
# Memory: R's heap peak during each call (gc(reset) before, max used after: fixest's C++ buffers are not in it) and
# the R process's peak RSS (VmHWM) at the end, in the "implementation" line.
# Usage: R_LIBS=/opt/rlib Rscript fixest_service_fits.R panel.csv out.json runs model[,model...]
suppressPackageStartupMessages({
  library(fixest)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
out <- args[2]
runs <- as.integer(args[3])
models <- strsplit(args[4], ",")[[1]]
partners <- length(unique(d$pair)) / length(unique(d$reporter))
d$partner <- d$pair - d$reporter * partners
threads <- 2
setFixest_nthreads(threads)
slopes <- c("ln_gdp_reporter", "ln_gdp_partner", "openness_partner", "internet_partner", "bilateral_cost")
rhs <- paste(slopes, collapse = " + ")
sg <- "bilateral_cost | reporter^year + partner^year + pair"
tol <- 1e-10

fit_model <- function(model) {
  # sg_ols_grains / sg_ppml_grains: the server absorbs in its economy grains; fixest fits the same model.
  m <- switch(sub("_grains$", "", model),
    ols_cluster = feols(as.formula(paste("lny ~", rhs)), data = d, cluster = ~reporter,
      ssc = ssc(adj = TRUE, cluster.adj = TRUE)),
    fe_two_way = feols(as.formula(paste("lny ~", rhs, "| pair + year")), data = d, cluster = ~reporter,
      ssc = ssc(adj = TRUE, fixef.K = "none", cluster.adj = TRUE), fixef.tol = tol),
    ppml_pair_year = fepois(as.formula(paste("y ~", rhs, "| pair + year")), data = d, cluster = ~reporter,
      ssc = ssc(adj = FALSE, cluster.adj = TRUE), fixef.tol = tol, glm.tol = tol),
    sg_ols = feols(as.formula(paste("lny ~", sg)), data = d, cluster = ~pair, fixef.tol = tol),
    sg_ppml = fepois(as.formula(paste("y ~", sg)), data = d, cluster = ~pair,
      ssc = ssc(adj = FALSE, cluster.adj = TRUE), fixef.tol = tol, glm.tol = tol))
  names <- if (startsWith(model, "sg_")) "bilateral_cost" else slopes
  list(beta = coef(m)[names], se = se(m)[names])
}

peak_rss_mib <- function() {
  line <- grep("^VmHWM:", readLines("/proc/self/status"), value = TRUE)
  as.numeric(gsub("[^0-9]", "", line)) / 1024
}

results <- list()
for (model in models) {
  times <- numeric(runs)
  cpu <- numeric(runs)
  memory <- 0
  for (r in seq_len(runs)) {
    before <- sum(gc(reset = TRUE)[, 2])
    timing <- system.time(f <- fit_model(model))
    times[r] <- timing[["elapsed"]] * 1000
    cpu[r] <- (timing[["user.self"]] + timing[["sys.self"]]) * 1000
    memory <- max(memory, sum(gc()[, 6]) - before)
  }
  results[[length(results) + 1]] <- list(model = model, times_ms = times, cpu_ms = cpu, memory_mb = memory,
    coefficients = unname(f$beta), se = unname(f$se))
}
meta <- sprintf("fixest %s (%d threads), %s; R process peak RSS %.0f MiB", packageVersion("fixest"), threads,
  R.version.string, peak_rss_mib())
writeLines(toJSON(list(implementation = meta, results = results), digits = I(17), auto_unbox = TRUE), out)
