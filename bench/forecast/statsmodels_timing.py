#!/usr/bin/python3
"""statsmodels side of the forecast benchmark (bench/forecast/run.sh runs it after holdout.R, on the same series).

Series: r_series.csv written by holdout.R (PWT 9.1 rgdpna, 1970-2017); fit 1970-2011, forecast h = 6.
- ets: statsmodels has no automatic ETS, so each series is fitted with ETSModel on the candidates forecast::ets
  tries for annual data (errors A/M, trend N/A/damped A; M only on positive data, which all these are) and the
  lowest AICc is kept: the same work R's ets() does.
- arima: statsmodels.tsa.arima.model.ARIMA with one fixed order, (1,1,1) with drift (trend "t"): one fit per series,
  no order search (auto.arima fits about 15 per series), so this is a lower bound on an automatic search's cost.
One process, elapsed (time.perf_counter) and CPU (time.process_time) seconds per method; numpy's BLAS may use
threads, hence both. Usage: /usr/bin/python3 statsmodels_timing.py OUT_DIR (writes OUT_DIR/statsmodels_timing.csv).
"""
import csv
import os
import sys
import time
import warnings

import numpy as np
import statsmodels
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

out = sys.argv[1] if len(sys.argv) > 1 else "."
series = {}
with open(os.path.join(out, "r_series.csv")) as f:
    for row in csv.DictReader(f):
        series.setdefault(row["economy"], []).append((int(row["year"]), float(row["value"])))
codes = sorted(series)
train = {c: np.array([v for y, v in sorted(series[c]) if y <= 2011]) for c in codes}
h = 6
candidates = [(e, t, d) for e in ("add", "mul") for t, d in ((None, False), ("add", True), ("add", False))]


def ets(y):
    best = None
    for error, trend, damped in candidates:
        fit = ETSModel(y, error=error, trend=trend, damped_trend=damped).fit(disp=False)
        if best is None or fit.aicc < best.aicc:
            best = fit
    return best.forecast(h)


def arima(y):
    return ARIMA(y, order=(1, 1, 1), trend="t").fit().forecast(h)


rows = []
for name, method in (("ets", ets), ("arima", arima)):
    warnings.simplefilter("ignore")
    failures = 0
    elapsed0, cpu0 = time.perf_counter(), time.process_time()
    for c in codes:
        try:
            method(train[c])
        except (ValueError, np.linalg.LinAlgError):
            failures += 1
    rows.append((name, time.perf_counter() - elapsed0, time.process_time() - cpu0, failures))

with open(os.path.join(out, "statsmodels_timing.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["method", "elapsed", "cpu", "failures", "statsmodels"])
    for name, elapsed, cpu, failures in rows:
        w.writerow([name, f"{elapsed:.3f}", f"{cpu:.3f}", failures, statsmodels.__version__])
for r in rows:
    print(r)
