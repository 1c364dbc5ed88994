#!/usr/bin/python3
"""The describe benchmark's pandas side: Share, Aggregate and Contributions over WLD x all years.

Loads the PWT rows once from the tidy CSV (timed apart), then times each computation N times, each starting from
the loaded tidy frame (every indicator, every economy), as the server starts from the data its grains hold.
Prints one JSON object: load time, per-measure timings in ms, and the results the C# side compares with the
server's answers. Run with /usr/bin/python3 (pandas); see bench/README.md.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd


def load(series_csv, economies_csv):
    t0 = time.perf_counter()
    df = pd.read_csv(series_csv, keep_default_na=False,
                     dtype={"economy": "string", "indicator": "string", "year": "int32", "value": "float64"},
                     usecols=["economy", "indicator", "year", "value"])
    # Codes as categoricals, as one would keep a tidy panel in memory: selections compare small integer codes.
    df["economy"] = df["economy"].astype("category")
    df["indicator"] = df["indicator"].astype("category")
    eco = pd.read_csv(economies_csv, keep_default_na=False, dtype=str)
    members = eco.loc[eco["is_aggregate"].str.lower() == "false", "code"]
    members = pd.Index(members.sort_values().to_numpy(), name="economy")
    return df, members, (time.perf_counter() - t0) * 1000.0


def select(df, members, indicator):
    """One indicator's values of WLD's members (every non-aggregate economy), as a long frame."""
    s = df[(df["indicator"] == indicator) & df["economy"].isin(members)]
    return s[["economy", "year", "value"]]


def share(df, members, indicator):
    """Each member's share of the members' sum per year, and the sum of all named (= all members) per year."""
    x = select(df, members, indicator)
    total = x.groupby("year")["value"].transform("sum")
    x = x.assign(share=100.0 * x["value"] / total)
    by_year = x.groupby("year").agg(total=("value", "sum"), present=("value", "size"))
    return x, by_year


def aggregate(df, members, indicator, weight, gdp):
    """Sum, mean, median, weighted mean (by weight, over members with both) and coverage per year."""
    x = select(df, members, indicator)
    g = x.groupby("year")["value"]
    out = pd.DataFrame({"sum": g.sum(), "mean": g.mean(), "median": g.median(), "present": g.size()})
    w = select(df, members, weight).rename(columns={"value": "w"})
    xw = x.merge(w, on=["economy", "year"], how="inner")
    xw = xw.assign(wx=xw["w"] * xw["value"])
    sw = xw.groupby("year")[["wx", "w"]].sum()
    out["weighted_mean"] = sw["wx"] / sw["w"]
    y = select(df, members, gdp).rename(columns={"value": "gdp"})
    years = out.index
    y = y[y["year"].isin(years)]
    gdp_all = y.groupby("year")["gdp"].sum()
    present = y.merge(x[["economy", "year"]], on=["economy", "year"], how="inner")
    gdp_present = present.groupby("year")["gdp"].sum()
    out["gdp_coverage_percent"] = 100.0 * gdp_present.reindex(years, fill_value=0.0) / gdp_all.reindex(years)
    out["members"] = len(members)
    return out


def contributions(df, members, indicator, first, last):
    """Δx_i, 100·Δx_i/ΔT and 100·Δx_i/T(from) over members with a value in both years."""
    x = select(df, members, indicator)
    x = x[x["year"].isin([first, last])]
    x = x.assign(economy=x["economy"].astype(str))
    wide = x.pivot(index="economy", columns="year", values="value").dropna()
    change = wide[last] - wide[first]
    t_from = wide[first].sum()
    t_to = wide[last].sum()
    out = pd.DataFrame({"from_value": wide[first], "to_value": wide[last], "change": change,
                        "share_of_change_percent": 100.0 * change / (t_to - t_from),
                        "percentage_points": 100.0 * change / t_from})
    return out.sort_values("change", ascending=False), t_from, t_to, 100.0 * (t_to / t_from - 1.0)


def timed(n, f):
    times = []
    result = None
    for _ in range(n):
        t0 = time.perf_counter()
        result = f()
        times.append((time.perf_counter() - t0) * 1000.0)
    return times, result


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--series", required=True)
    p.add_argument("--economies", required=True)
    p.add_argument("--indicator", default="rgdpna")
    p.add_argument("--weight", default="pop")
    p.add_argument("--gdp", default="cgdpo")
    p.add_argument("--from", dest="first", type=int, default=1990)
    p.add_argument("--to", dest="last", type=int, default=2017)
    p.add_argument("--n", type=int, default=20)
    p.add_argument("--warmup", type=int, default=3)
    a = p.parse_args()

    df, members, load_ms = load(a.series, a.economies)
    funcs = {
        "share": lambda: share(df, members, a.indicator),
        "aggregate": lambda: aggregate(df, members, a.indicator, a.weight, a.gdp),
        "contributions": lambda: contributions(df, members, a.indicator, a.first, a.last),
    }
    for f in funcs.values():
        timed(a.warmup, f)
    timings = {}
    results = {}
    for name, f in funcs.items():
        timings[name], results[name] = timed(a.n, f)

    x, by_year = results["share"]
    agg = results["aggregate"]
    contrib, t_from, t_to, growth = results["contributions"]
    nan = lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else float(v)
    out = {
        "pandas": pd.__version__,
        "numpy": np.__version__,
        "python": sys.version.split()[0],
        "rows": int(len(df)),
        "members": int(len(members)),
        "load_ms": load_ms,
        "n": a.n,
        "timings_ms": timings,
        "share": {
            "years": [int(y) for y in by_year.index],
            "total": [float(v) for v in by_year["total"]],
            "present": [int(v) for v in by_year["present"]],
            "economy_year_share": {f"{e}:{int(y)}": float(s) for e, y, s in zip(x["economy"], x["year"], x["share"])},
        },
        "aggregate": {
            "years": [int(y) for y in agg.index],
            **{c: [nan(v) for v in agg[c]] for c in ["sum", "mean", "median", "weighted_mean", "gdp_coverage_percent"]},
            "present": [int(v) for v in agg["present"]],
            "members": [int(v) for v in agg["members"]],
        },
        "contributions": {
            "from": a.first, "to": a.last, "total_from": float(t_from), "total_to": float(t_to),
            "growth_percent": float(growth),
            "economies": {e: {"change": float(r.change), "share_of_change_percent": float(r.share_of_change_percent),
                              "percentage_points": float(r.percentage_points)} for e, r in contrib.iterrows()},
        },
    }
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
