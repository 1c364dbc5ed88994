# Times the estimation benchmark's models with fixest (bench/estimate), the fast R peer: reads the generated panel,
# then times each call (formula, fixed-effect ids and design from the data frame, the fit and its clustered covariance)
# inside this process with system.time, on 2 threads. The first call is reported apart from the warm calls after it.
#   OLS:  feols(lny ~ x, cluster = ~reporter)                                 CR1: G/(G-1)·(N-1)/(N-K), as vcovCL(HC1)
#   FE:   feols(lny ~ x | pair + year, cluster = ~pair), ssc(fixef.K = "none") CR1 with K = slopes, as plm's arellano sss
#   PPML: fepois(y ~ x | pair + year, cluster = ~pair), ssc(adj = FALSE)      CR0: G/(G-1), ppmlhdfe's
# Tolerances: fixef.tol = 1e-10 (default 1e-6) and glm.tol = 1e-10 (default 1e-8, the same relative-deviance rule as
# glm's and TradeGrid's 1e-10), so that fixest solves to the precision TradeGrid does: the same work on both sides.
# fixest is not a Debian package: bench/README.md says how to install it (R_LIBS_USER).
# Usage: Rscript fixest_fits.R panel.csv out.json runs model[,model...]
suppressPackageStartupMessages({
  library(fixest)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
out <- args[2]
runs <- as.integer(args[3])
models <- strsplit(args[4], ",")[[1]]
threads <- 2
setFixest_nthreads(threads)
slopes <- c("ln_gdp_reporter", "ln_gdp_partner", "openness_partner", "internet_partner", "bilateral_cost")
rhs <- paste(slopes, collapse = " + ")
tol <- 1e-10

fit_model <- function(model) {
  m <- switch(model,
    ols_cluster = feols(as.formula(paste("lny ~", rhs)), data = d, cluster = ~reporter,
      ssc = ssc(adj = TRUE, cluster.adj = TRUE)),
    fe_two_way = feols(as.formula(paste("lny ~", rhs, "| pair + year")), data = d, cluster = ~pair,
      ssc = ssc(adj = TRUE, fixef.K = "none", cluster.adj = TRUE), fixef.tol = tol),
    ppml_pair_year = fepois(as.formula(paste("y ~", rhs, "| pair + year")), data = d, cluster = ~pair,
      ssc = ssc(adj = FALSE, cluster.adj = TRUE), fixef.tol = tol, glm.tol = tol))
  list(beta = coef(m)[slopes], se = se(m)[slopes])
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
meta <- sprintf("fixest %s (%d threads), %s", packageVersion("fixest"), threads, R.version.string)
writeLines(toJSON(list(implementation = meta, results = results), digits = I(17), auto_unbox = TRUE), out)
