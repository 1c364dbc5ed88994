"""Times the estimation benchmark's models in statsmodels (bench/estimate), fits and covariances inside this process.

  OLS:  sm.OLS(lny, [1, x]).fit(cov_type="cluster", groups=reporter)                  (CR1, Stata's vce(cluster))
  PPML: sm.GLM(y, [1, x, pair and year dummies], Poisson).fit(cov_type="cluster", groups=pair); statsmodels' factor is
        CR1's, so the SEs are rescaled by sqrt((N-K)/(N-1)) to CR0 (ppmlhdfe's G/(G-1)) before they are compared.
statsmodels has no absorbed fixed effects, so the two-way FE model is not run here. The dummy design is built inside
the timed section, as R's glm builds its model matrix; PPML runs once (it takes minutes). Wall-clock and process CPU
times. Memory: the process's peak resident set (data included).
Usage: python3 statsmodels_fits.py panel.csv out.json runs model[,model...]
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

SLOPES = ["ln_gdp_reporter", "ln_gdp_partner", "openness_partner", "internet_partner", "bilateral_cost"]


def fit(model, d):
    if model == "ols_cluster":
        x = sm.add_constant(d[SLOPES].to_numpy())
        res = sm.OLS(d["lny"].to_numpy(), x).fit(cov_type="cluster", cov_kwds={"groups": d["reporter"].to_numpy()})
        return res.params[1:], res.bse[1:]
    if model == "ppml_pair_year":
        dummies = pd.get_dummies(d[["pair", "year"]].astype("category"), drop_first=True, dtype=float)
        x = np.column_stack([d[SLOPES].to_numpy(), np.ones(len(d)), dummies.to_numpy()])
        res = sm.GLM(d["y"].to_numpy(), x, family=sm.families.Poisson()).fit(
            cov_type="cluster", cov_kwds={"groups": d["pair"].to_numpy()})
        n, k = x.shape
        return res.params[:5], res.bse[:5] * np.sqrt((n - k) / (n - 1))
    raise ValueError(model)


def main():
    path, out, runs, models = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4].split(",")
    d = pd.read_csv(path)
    results = []
    for model in models:
        times, cpu = [], []
        for _ in range(runs if model == "ols_cluster" else 1):
            start, cpu_start = time.perf_counter(), time.process_time()
            beta, se = fit(model, d)
            times.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - cpu_start) * 1000)
        results.append({"model": model, "times_ms": times, "cpu_ms": cpu,
                        "memory_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                        "coefficients": list(map(float, beta)), "se": list(map(float, se))})
    meta = f"statsmodels {statsmodels.__version__}, NumPy {np.__version__}, pandas {pd.__version__}, Python {sys.version.split()[0]}"
    with open(out, "w") as f:
        json.dump({"implementation": meta, "results": results}, f)


if __name__ == "__main__":
    main()
