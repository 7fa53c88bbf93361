#!/usr/bin/python3
"""scikit-learn's side of the path benchmarks: LogisticRegressionCV on benchmarks/data/spam.csv (make_spam.R).

The features are rounded to single precision (as LogReg.MLNet stores them, and glmnet_timing.R rounds them) and
handed to scikit-learn as float64. Each case is a pipeline as a user would write it, StandardScaler then
LogisticRegressionCV, timed whole (fit of the scaler included, reading the CSV not):
  L2: lbfgs, Cs = 20, cv = 10, max_iter 10,000 (converges);
  L1: saga,  Cs = 20, cv = 10, max_iter 10,000 (the default tol 1e-4).
Each case runs once to warm up, then N times; the median and minimum seconds are printed with the chosen C, the
non-zero coefficients and the convergence warnings. saga is slow: when its warm-up run takes longer than
--saga-budget seconds it is not repeated, and the table says it was timed once. cv = 10 is scikit-learn's
StratifiedKFold without shuffling; --same-folds uses glmnet_timing.R's folds instead (row i in fold i mod 10).

  /usr/bin/python3 benchmarks/peers/sklearn_cv_timing.py [N=7] [--csv PATH] [--skip-saga] [--saga-budget S=60]
                   [--same-folds] [--jobs J=1]
Needs the Debian python3 with scikit-learn and numpy (apt-get install -y python3-sklearn); the CSV defaults to
$LOGREG_BENCH_SPAM, else benchmarks/data/spam.csv under the repository root.
"""
import argparse
import os
import platform
import statistics
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegressionCV
from sklearn.model_selection import PredefinedSplit
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def load(path):
    if not os.path.exists(path):
        sys.exit(f"{path} is missing: run Rscript benchmarks/peers/make_spam.R")
    with open(path) as f:
        header = f.readline().strip().split(",")
    if header[-1] != "Label":
        sys.exit(f"{path}: expected a header row ending in 'Label' (benchmarks/peers/make_spam.R)")
    data = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.float64)
    # Parsed to double, then rounded to float: the rounding of LogReg.MLNet's DenseMatrix.FromRows and of R's f32().
    x = data[:, :-1].astype(np.float32).astype(np.float64)
    y = data[:, -1].astype(np.int64)
    return x, y


def make(case, cv, jobs):
    if case == "L2":
        model = LogisticRegressionCV(Cs=20, cv=cv, penalty="l2", solver="lbfgs", max_iter=10_000, n_jobs=jobs)
    else:
        model = LogisticRegressionCV(Cs=20, cv=cv, penalty="l1", solver="saga", max_iter=10_000, n_jobs=jobs)
    return make_pipeline(StandardScaler(), model)


def fit(case, cv, jobs, x, y):
    """One timed fit; returns (seconds, pipeline, number of convergence warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        pipeline = make(case, cv, jobs)
        start = time.perf_counter()
        pipeline.fit(x, y)
        seconds = time.perf_counter() - start
    return seconds, pipeline, sum(issubclass(w.category, ConvergenceWarning) for w in caught)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("runs", nargs="?", type=int, default=7, help="timed runs per case after one warm-up (default 7)")
    parser.add_argument("--csv", default=os.environ.get("LOGREG_BENCH_SPAM") or os.path.join(ROOT, "benchmarks", "data", "spam.csv"))
    parser.add_argument("--skip-saga", action="store_true", help="time the L2 case only")
    parser.add_argument("--saga-budget", type=float, default=60.0, help="repeat saga only if its warm-up took at most this (s)")
    parser.add_argument("--same-folds", action="store_true", help="glmnet_timing.R's folds (row i in fold i mod 10), not StratifiedKFold")
    parser.add_argument("--jobs", type=int, default=1, help="LogisticRegressionCV n_jobs (default 1)")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("N must be at least 1")
    x, y = load(args.csv)
    cv = PredefinedSplit(np.arange(len(y)) % 10) if args.same_folds else 10
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}, Python {platform.python_version()}; "
          f"spam {x.shape[0]} x {x.shape[1]} (single-precision features); n_jobs {args.jobs}; "
          f"folds {'i mod 10' if args.same_folds else 'StratifiedKFold(10)'}; {args.runs} timed run(s) after 1 warm-up")
    rows = []
    for case in ["L2"] + ([] if args.skip_saga else ["L1"]):
        warm, pipeline, warned = fit(case, cv, args.jobs, x, y)
        if case == "L1" and warm > args.saga_budget:
            seconds, note = [warm], f"timed once: the warm-up took {warm:.0f} s > {args.saga_budget:.0f} s budget"
        else:
            seconds, note = [fit(case, cv, args.jobs, x, y)[0] for _ in range(args.runs)], ""
        model = pipeline[-1]
        name = "LogisticRegressionCV L2 lbfgs" if case == "L2" else "LogisticRegressionCV L1 saga"
        rows.append((name, statistics.median(seconds), min(seconds), len(seconds), model.C_[0],
                     int(np.count_nonzero(model.coef_)), int(model.n_iter_.max()), warned, note))
    print(f"{'case':<32} {'median_s':>9} {'min_s':>9} {'runs':>4} {'C chosen':>10} {'non-zero':>8} {'max n_iter':>10} {'conv. warnings':>14}  note")
    for name, median, low, count, c, nonzero, n_iter, warned, note in rows:
        print(f"{name:<32} {median:>9.3f} {low:>9.3f} {count:>4} {c:>10.4g} {nonzero:>8} {n_iter:>10} {warned:>14}  {note}")
    if args.skip_saga:
        print("L1 saga skipped (--skip-saga).")


if __name__ == "__main__":
    main()
