# Times the estimation benchmark's models in R (bench/estimate): reads the generated panel (before any timer), then
# times each call inside this process with system.time (elapsed, and user + system CPU): the formula, model frame and
# model matrix built from the data frame, the fit and its covariance. The first call is reported apart from the warm
# calls after it, as TradeGrid's are.
#   OLS:  lm(lny ~ x) + sandwich::vcovCL(cluster = ~reporter, type = "HC1")           (CR1, Stata's vce(cluster))
#   FE:   plm(model = "within", effect = "twoways", index = pair, year) + vcovHC(method = "arellano", type = "sss")
#   PPML: glm(y ~ x + factor(pair) + factor(year), quasipoisson) + vcovCL(cluster = ~pair, type = "HC0")  (CR0, ppmlhdfe's)
# Memory: the largest R heap (Ncells + Vcells, gc()'s "max used") during the fit, less the heap in use before it.
# Usage: Rscript r_fits.R panel.csv out.json runs model[,model...]
suppressPackageStartupMessages({
  library(sandwich)
  library(plm)
  library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
out <- args[2]
runs <- as.integer(args[3])
models <- strsplit(args[4], ",")[[1]]
slopes <- c("ln_gdp_reporter", "ln_gdp_partner", "openness_partner", "internet_partner", "bilateral_cost")
rhs <- paste(slopes, collapse = " + ")

fit_model <- function(model) {
  switch(model,
    ols_cluster = {
      m <- lm(as.formula(paste("lny ~", rhs)), data = d)
      v <- vcovCL(m, cluster = ~reporter, type = "HC1")
      list(beta = coef(m)[slopes], se = sqrt(diag(v))[slopes])
    },
    fe_two_way = {
      m <- plm(as.formula(paste("lny ~", rhs)), data = d, index = c("pair", "year"), model = "within", effect = "twoways")
      v <- vcovHC(m, method = "arellano", type = "sss")
      list(beta = coef(m)[slopes], se = sqrt(diag(v))[slopes])
    },
    ppml_pair_year = {
      m <- glm(as.formula(paste("y ~", rhs, "+ factor(pair) + factor(year)")), family = quasipoisson, data = d)
      v <- vcovCL(m, cluster = ~pair, type = "HC0")
      list(beta = coef(m)[slopes], se = sqrt(diag(v))[slopes])
    })
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
meta <- sprintf("%s, plm %s, sandwich %s", R.version.string, packageVersion("plm"), packageVersion("sandwich"))
writeLines(toJSON(list(implementation = meta, results = results), digits = I(17), auto_unbox = TRUE), out)
