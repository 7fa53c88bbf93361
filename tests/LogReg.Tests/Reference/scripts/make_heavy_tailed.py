"""Builds heavy_tailed.csv and heavy_tailed.json (run once; tests never call it).

A data set whose maximum-likelihood estimate exists (the LP finds no separation) although many
fitted probabilities are numerically 0 or 1, because one feature is heavy tailed (run lengths in
the thousands). Values are float32-exact, so a reader that stores single precision sees the same
data statsmodels fitted.

Run with Debian's python3 (bookworm): python3-statsmodels 0.13.5, python3-scipy 1.10.1,
python3-numpy 1.24.2:
    /usr/bin/python3 tests/LogReg.Tests/Reference/scripts/make_heavy_tailed.py tests/LogReg.Tests/Reference
"""
import json
import sys

import numpy as np
import scipy
import statsmodels
import statsmodels.api as sm
from scipy.optimize import linprog

out = sys.argv[1]
rng = np.random.default_rng(20261128)
n = 600
run_length = np.exp(rng.normal(2.0, 2.2, n)).astype(np.float32)   # heavy tailed: up to ~10^4
score = rng.normal(0.0, 1.0, n).astype(np.float32)
flag = (rng.random(n) < 0.3).astype(np.float32)
z = -1.5 + 0.01 * run_length.astype(np.float64) + 0.9 * score + 0.7 * flag
y = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(int)
X = np.column_stack([run_length, score, flag]).astype(np.float64)   # float32-exact doubles
names = ["run_length", "score", "flag"]

with open(f"{out}/heavy_tailed.csv", "w") as f:
    f.write(",".join(names + ["Label"]) + "\n")
    for i in range(n):
        f.write(",".join(repr(float(v)) for v in X[i]) + f",{y[i]}\n")

Xc = sm.add_constant(X, prepend=True)
fit = sm.Logit(y, Xc).fit(method="newton", tol=1e-12, maxiter=200, disp=False)
eta = Xc @ fit.params
p = 1 / (1 + np.exp(-eta))
extreme = int(np.sum((p < 10 * np.finfo(float).eps) | (p > 1 - 10 * np.finfo(float).eps)))

# Konis's LP, as in shared/reference: columns scaled to max |x| = 1.
Xs = Xc / np.abs(Xc).max(axis=0)
s = 2 * y - 1
A = s[:, None] * Xs
lp = linprog(-A.sum(axis=0), A_ub=-A, b_ub=np.zeros(n), bounds=[(-1, 1)] * Xs.shape[1], method="highs")

ref = {
    "software": {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__, "numpy": np.__version__},
    "call": "sm.Logit(y, add_constant(X, prepend=True)).fit(method='newton', tol=1e-12, maxiter=200)",
    "converged": bool(fit.mle_retvals["converged"]),
    "params": dict(zip(["intercept"] + names, map(float, fit.params))),
    "bse": dict(zip(["intercept"] + names, map(float, fit.bse))),
    "llf": float(fit.llf),
    "llnull": float(fit.llnull),
    "aic": float(fit.aic),
    "bic": float(fit.bic),
    "extreme_fitted_probabilities": extreme,
    "max_abs_margin": float(np.abs(eta).max()),
    "lp": {"optimum": float(-lp.fun), "status": lp.message, "separation": bool(-lp.fun > 1e-7)},
}
with open(f"{out}/heavy_tailed.json", "w") as f:
    json.dump(ref, f, indent=1)
print(json.dumps(ref, indent=1))
