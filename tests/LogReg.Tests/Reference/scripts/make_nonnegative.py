"""Builds nonnegative.json (run once; tests never call it).

The optimum of F(w, b) = Σ logloss_i + ½‖w‖² subject to w ≥ 0 (bias free), by scipy's L-BFGS-B
with bounds and exact gradients to a tight tolerance, on spector (raw features) and on breast
cancer standardised with the population mean and standard deviation of each column.
Run with Debian bookworm's python3-scipy 1.10.1:
    /usr/bin/python3 tests/LogReg.Tests/Reference/scripts/make_nonnegative.py tests/LogReg.Tests/Reference
"""
import json
import sys

import numpy as np
import scipy
from scipy.optimize import minimize

out = sys.argv[1]
result = {"software": {"scipy": scipy.__version__, "numpy": np.__version__},
          "problem": "min Σ log(1 + exp(−s·(x·w + b))) + ½‖w‖²  s.t. w ≥ 0; L-BFGS-B, ftol 1e-15, gtol 1e-11"}
for name, standardise in [("spector", False), ("breast_cancer_wdbc", True)]:
    data = np.loadtxt(f"{out}/{name}.csv", delimiter=",", skiprows=1)
    X, y = data[:, :-1], data[:, -1]
    if standardise:
        X = (X - X.mean(axis=0)) / X.std(axis=0)
    X = X.astype(np.float32).astype(np.float64)   # what single-precision storage fits
    s = 2 * y - 1
    d = X.shape[1]

    def f(theta):
        z = X @ theta[:d] + theta[d]
        m = -s * z
        value = np.sum(np.logaddexp(0, m)) + 0.5 * theta[:d] @ theta[:d]
        p = 1 / (1 + np.exp(-m))
        g = np.empty(d + 1)
        g[:d] = X.T @ (-s * p) + theta[:d]
        g[d] = np.sum(-s * p)
        return value, g

    best = None
    for start in range(3):
        theta0 = np.zeros(d + 1) if start == 0 else np.random.default_rng(start).random(d + 1)
        r = minimize(f, theta0, jac=True, method="L-BFGS-B", bounds=[(0, None)] * d + [(None, None)],
                     options={"ftol": 1e-15, "gtol": 1e-11, "maxiter": 100000, "maxfun": 200000})
        if best is None or r.fun < best.fun:
            best = r
    result[name] = {"standardised": standardise, "objective": float(best.fun), "bias": float(best.x[d]),
                    "weights": [float(v) for v in best.x[:d]], "zero_weights": int(np.sum(best.x[:d] == 0)),
                    "message": str(best.message)}
with open(f"{out}/nonnegative.json", "w") as fh:
    json.dump(result, fh, indent=1)
print(json.dumps({k: (v if k == "software" else {kk: v[kk] for kk in ("objective", "zero_weights", "message")} if isinstance(v, dict) and "objective" in v else v) for k, v in result.items()}, indent=1))
