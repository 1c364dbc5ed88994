#!/usr/bin/env python3
"""Vectorised numpy reference for the scenario Monte Carlo benchmark.

The same problem as the server's scenario Monte Carlo (src/TradeGrid.Numerics/Scenarios/PathSimulator.cs), done
the way a numpy user would: whole arrays, no Python loop over paths or years.

Problem (default: 10,000 paths x 200 economies x 10 years, 3 drivers):
  log model  log(y) = b0 + b1 log(x1) + b2 log(x2) + b3 x3 + a_i        (a_i: the economy's own fixed effect)
  level      y = exp(eta) * c                                            (c: the fit's bias-correction factor)
  per path p:
    coefficients  beta_p = beta + A z_p, A A' = V (Cholesky), z_p ~ N(0, I_k): ONE draw per path, shared by every
                  economy in that path (so sums over economies carry the coefficients' correlation);
    drivers       e_ijh = sum_{t<=h} c_ijt u_ijt, u ~ N(0, 1) independent across economies, drivers and paths,
                  c_ijt = sqrt(s_ijt^2 - s_ij(t-1)^2) from each driver forecast's standard error s_ijh, so that each
                  year's error has the forecast's variance; log drivers take it as a log-normal with mean x and the
                  same variance, x exp(s e / sd - s^2 / 2), s^2 = ln(1 + sd^2 / x^2), sd^2 = sum_{t<=h} c_ijt^2 (the
                  server's PathSimulator.LogNormal);
    scenario      the shocked driver x1 * (1 + 10%) from the first projected year in the shocked economies (half of
                  them), or the problem's "shock_factor" [economy][driver][year] multiplier when it has one, applied
                  to the simulated driver (common random numbers: baseline and scenario share draws);
  outputs: for every economy and year, and for the world (the sum over economies per path), of baseline, scenario
  and difference: mean, SD (n - 1) and the type-7 quantiles 5, 10, 25, 50, 75, 90, 95% (numpy's "linear", R's
  default) - exact quantiles over all paths, as the server computes them.

Inside the timer ("simulate"): the Cholesky factor, every random draw, the driver errors, the propagation of
baseline and scenario, the per-economy moments and quantiles, the world sums and their moments and quantiles.
Outside it: starting Python, importing numpy, reading or making the problem (its arrays are in memory before the
timer starts), and writing the JSON. Economies are processed in chunks (--chunk, default 10) so that memory stays
near paths x chunk x drivers x years doubles; the world sums (paths x years) are accumulated across chunks.

numpy's element-wise work runs on one core; the C# server uses both cores of the machine. The script reports wall
and process CPU time; compare CPU with CPU and wall with wall, and say which.

Run with Debian's numpy (python3-numpy), e.g.:
  /usr/bin/python3 bench/scenarios/numpy_reference.py --runs 3 --out bench/scenarios/results-numpy.json
  /usr/bin/python3 bench/scenarios/numpy_reference.py --write-problem bench/scenarios/numpy-problem.json
"""

import argparse
import json
import os
import platform
import sys
import time

import numpy as np

QUANTILES = np.array([0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95])


def make_problem(economies=200, years=10, paths=10_000, seed=20261202):
    """A fixed synthetic problem: plausible levels, growth and forecast uncertainty; deterministic given seed."""
    rng = np.random.default_rng(seed)
    beta = np.array([-2.0, 0.8, 0.3, 0.05])  # intercept, log(x1), log(x2), x3
    se = np.array([0.20, 0.04, 0.03, 0.01])
    corr = np.full((4, 4), 0.3) + 0.7 * np.eye(4)
    cov = corr * np.outer(se, se)
    h = np.arange(1, years + 1)
    x1 = np.exp(rng.normal(10.0, 1.5, economies))[:, None] * (1.0 + rng.uniform(0.0, 0.05, economies))[:, None] ** h
    x2 = np.exp(rng.normal(2.5, 1.0, economies))[:, None] * (1.0 + rng.uniform(0.0, 0.02, economies))[:, None] ** h
    x3 = rng.uniform(-1.0, 2.0, economies)[:, None] + 0.0 * h
    baseline = np.stack([x1, x2, x3], axis=1)  # [economy, driver, year]
    # Forecast standard errors growing like a random walk's: s_h = r * x_h * sqrt(h) (r: 2%, 1%; x3 absolute 0.1).
    sigmas = np.stack([0.02 * x1 * np.sqrt(h), 0.01 * x2 * np.sqrt(h), 0.1 * np.sqrt(h) + 0.0 * x3], axis=1)
    return {
        "economies": economies,
        "years": years,
        "paths": paths,
        "seed": seed,
        "quantiles": QUANTILES.tolist(),
        "coefficients": beta.tolist(),
        "covariance": cov.tolist(),
        "log_drivers": [True, True, False],
        "correction_factor": float(np.exp(0.3 ** 2 / 2)),
        "effects": rng.normal(0.0, 0.5, economies).tolist(),
        "baseline": baseline.tolist(),
        "sigmas": sigmas.tolist(),
        "shock": {"driver": 0, "percent": 10.0, "economies": list(range(0, economies, 2))},
    }


def arrays(problem):
    """The problem as numpy arrays (done before the timer)."""
    e, years = problem["economies"], problem["years"]
    baseline = np.asarray(problem["baseline"], dtype=float)
    sigmas = np.asarray(problem["sigmas"], dtype=float)
    log_drivers = np.asarray(problem["log_drivers"], dtype=bool)
    if "shock_factor" in problem:
        shock = np.asarray(problem["shock_factor"], dtype=float)
    else:
        shock = np.ones_like(baseline)
        s = problem["shock"]
        shock[np.asarray(s["economies"], dtype=int), s["driver"], :] = 1.0 + s["percent"] / 100.0
    return {
        "E": e, "H": years, "P": problem["paths"], "seed": problem["seed"],
        "q": np.asarray(problem["quantiles"], dtype=float),
        "beta": np.asarray(problem["coefficients"], dtype=float),
        "V": np.asarray(problem["covariance"], dtype=float),
        "log": log_drivers, "c": problem["correction_factor"],
        "effects": np.asarray(problem["effects"], dtype=float),
        "baseline": baseline, "sigmas": sigmas, "shock": shock,
    }


def summary(values, q):
    """Mean, SD (n - 1) and type-7 quantiles over axis 0 (paths)."""
    return values.mean(axis=0), values.std(axis=0, ddof=1), np.quantile(values, q, axis=0, method="linear")


def simulate(a, chunk):
    """Everything inside the timer; returns per-economy and world summaries."""
    rng = np.random.default_rng(a["seed"])
    P, E, H = a["P"], a["E"], a["H"]
    q = a["q"]
    A = np.linalg.cholesky(a["V"])
    z = rng.standard_normal((P, A.shape[0]))
    B = a["beta"] + z @ A.T  # [path, k]: one draw per path, shared by every economy
    # Innovation weights c_h = sqrt(s_h^2 - s_(h-1)^2): each year's cumulative error has the forecast's variance.
    s2 = a["sigmas"] ** 2
    inc = np.sqrt(np.maximum(np.diff(s2, axis=-1, prepend=0.0), 0.0))  # [economy, driver, year]
    err_sd = np.sqrt(np.cumsum(inc ** 2, axis=-1))  # each year's error SD, as the increments make it
    log, level = np.flatnonzero(a["log"]), np.flatnonzero(~a["log"])
    world_b = np.zeros((P, H))
    world_s = np.zeros((P, H))
    economies = {k: np.empty((E,) + shape) for k, shape in
                 (("mean", (3, H)), ("sd", (3, H)), ("quantiles", (3, len(q), H)))}
    for start in range(0, E, chunk):
        end = min(start + chunk, E)
        x = a["baseline"][None, start:end]  # [1, e, driver, year]
        u = rng.standard_normal((P, end - start) + x.shape[2:])
        err = np.cumsum(inc[None, start:end] * u, axis=-1)
        xb = np.empty_like(err)
        xl, sdl = x[:, :, log], err_sd[None, start:end][:, :, log]
        ok = (sdl > 0.0) & (xl > 0.0)  # as the server: no error SD (or a level <= 0) takes the error additively
        safe = np.where(ok, sdl, 1.0)
        ls2 = np.log1p((safe / np.where(ok, xl, 1.0)) ** 2)
        xb[:, :, log] = np.where(ok, xl * np.exp(np.sqrt(ls2) * (err[:, :, log] / safe) - ls2 / 2.0), xl + err[:, :, log])
        xb[:, :, level] = x[:, :, level] + err[:, :, level]
        xs = xb * a["shock"][None, start:end]
        tb, ts = xb.copy(), xs.copy()  # the model's transform of each driver: log for log drivers, else the level
        tb[:, :, log] = np.log(xb[:, :, log])
        ts[:, :, log] = np.log(xs[:, :, log])
        effect = a["effects"][None, start:end, None]
        eta_b = B[:, 0, None, None] + np.einsum("pj,pejh->peh", B[:, 1:], tb) + effect
        eta_s = B[:, 0, None, None] + np.einsum("pj,pejh->peh", B[:, 1:], ts) + effect
        yb = np.exp(eta_b) * a["c"]
        ys = np.exp(eta_s) * a["c"]
        world_b += yb.sum(axis=1)
        world_s += ys.sum(axis=1)
        for i, values in enumerate((yb, ys, ys - yb)):
            mean, sd, qs = summary(values, q)  # [e, H], [e, H], [q, e, H]
            economies["mean"][start:end, i] = mean
            economies["sd"][start:end, i] = sd
            economies["quantiles"][start:end, i] = np.moveaxis(qs, 0, 1)
    world = [summary(v, q) for v in (world_b, world_s, world_s - world_b)]
    return economies, world


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--problem", help="problem JSON (the format --write-problem writes); default: the built-in synthetic problem")
    parser.add_argument("--paths", type=int, help="override the problem's number of paths")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (the first is reported apart from the rest)")
    parser.add_argument("--chunk", type=int, default=10, help="economies simulated at once (memory: paths x chunk x drivers x years doubles per array)")
    parser.add_argument("--out", help="write the timings and the world's quantiles to this JSON file")
    parser.add_argument("--write-problem", help="write the synthetic problem to this JSON file and stop")
    args = parser.parse_args()

    if args.problem:
        with open(args.problem, encoding="utf-8") as f:
            problem = json.load(f)
    else:
        problem = make_problem()
    if args.paths:
        problem["paths"] = args.paths
    if args.write_problem:
        with open(args.write_problem, "w", encoding="utf-8") as f:
            json.dump(problem, f)
        return 0

    a = arrays(problem)
    load = open("/proc/loadavg", encoding="ascii").read().split()[:3] if os.path.exists("/proc/loadavg") else []
    runs = []
    for _ in range(max(args.runs, 1)):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        economies, world = simulate(a, args.chunk)
        runs.append({"wall_s": time.perf_counter() - wall0, "cpu_s": time.process_time() - cpu0})
    warm = sorted(r["wall_s"] for r in runs[1:]) or [runs[0]["wall_s"]]
    warm_cpu = sorted(r["cpu_s"] for r in runs[1:]) or [runs[0]["cpu_s"]]
    result = {
        "implementation": "numpy",
        "numpy": np.__version__,
        "python": platform.python_version(),
        "problem": {"paths": a["P"], "economies": a["E"], "years": a["H"], "drivers": int(a["baseline"].shape[1]), "chunk": args.chunk},
        "load_at_start": load,
        "first": runs[0],
        "warm_median_wall_s": warm[len(warm) // 2],
        "warm_median_cpu_s": warm_cpu[len(warm_cpu) // 2],
        "runs": runs,
        "world": {name: {"mean": w[0].tolist(), "sd": w[1].tolist(), "quantiles": w[2].tolist()}
                  for name, w in zip(("baseline", "scenario", "difference"), world)},
        "economy_0_baseline_median": economies["quantiles"][0, 0, 3].tolist(),
    }
    print(f"numpy {np.__version__}: {a['P']} paths x {a['E']} economies x {a['H']} years; load {' '.join(load)}")
    for i, r in enumerate(runs):
        print(f"  run {i + 1}{' (first)' if i == 0 else ''}: {r['wall_s']:.3f} s wall, {r['cpu_s']:.3f} s CPU")
    print(f"  warm median: {result['warm_median_wall_s']:.3f} s wall, {result['warm_median_cpu_s']:.3f} s CPU")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
