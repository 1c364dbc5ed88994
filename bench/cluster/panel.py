"""The cluster benches' generated bilateral panel: 200 reporters x 200 partners x 25 years (1M pair-years, 2M tidy
rows: sc_y, a Poisson flow from a gravity model, and sc_cost), the same for every run (a fixed seed).
Usage: python3 bench/cluster/panel.py OUT.csv"""
import sys
import numpy as np

rng = np.random.default_rng(20261203)
R, P, T = 200, 200, 25
years = np.arange(2000, 2000 + T)
gdp_r, gdp_p = rng.normal(0, 1, R), rng.normal(0, 1, P)
pair = rng.normal(0, 0.5, (R, P)); cost = rng.normal(0, 1, (R, P, T)) + pair[:, :, None]
mu = np.exp(1 + 0.8 * gdp_r[:, None, None] + 0.6 * gdp_p[None, :, None] - 0.7 * cost + 0.02 * (years - 2000)[None, None, :])
y = rng.poisson(mu).astype(float)
with open(sys.argv[1], "w") as f:
    f.write("economy,indicator,year,value,partner\n")
    for r in range(R):
        for name, a in (("sc_y", y), ("sc_cost", cost)):
            for p in range(P):
                f.write("".join(f"R{r:03d},{name},{years[t]},{a[r, p, t]!r},P{p:03d}\n" for t in range(T)))
