"""Builds anes96.csv and mnlogit.json (run once; tests never call it).

statsmodels' MNLogit (multinomial logit, reference class = the first, 0) on the 1996 American
National Election Studies extract that statsmodels ships (statsmodels.datasets.anes96; 944 rows;
party identification PID in 7 classes 0..6 on logpopul, selfLR, age, educ, income) — the example of
statsmodels' MNLogit documentation. Fitted by Newton to a tight tolerance; records params, bse,
z, p-values, 95% Wald intervals (each (K−1) × (1 + d), constant first), llf, llnull, aic, bic,
prsquared, llr, llr_pvalue, df_model, df_resid.
Run with Debian bookworm's python3-statsmodels 0.13.5:
    /usr/bin/python3 tests/LogReg.Tests/Reference/scripts/make_mnlogit.py tests/LogReg.Tests/Reference
"""
import json
import sys

import numpy as np
import statsmodels
import statsmodels.api as sm

out = sys.argv[1]
data = sm.datasets.anes96.load_pandas().data
features = ["logpopul", "selfLR", "age", "educ", "income"]
y = data["PID"].astype(int).to_numpy()
X = data[features].to_numpy(dtype=float)
with open(f"{out}/anes96.csv", "w") as f:
    f.write(",".join(features) + ",PID\n")
    for row, label in zip(X, y):
        f.write(",".join(repr(float(v)) for v in row) + f",{label}\n")
fit = sm.MNLogit(y, sm.add_constant(X, prepend=True)).fit(method="newton", tol=1e-12, maxiter=200, disp=False)
T = lambda a: np.asarray(a).T.tolist()  # statsmodels gives (1 + d) × (K − 1); stored per class
ci = np.asarray(fit.conf_int(alpha=0.05))  # (K − 1) × (1 + d) × [low, high]
result = {"software": {"statsmodels": statsmodels.__version__, "numpy": np.__version__},
          "call": "MNLogit(y, add_constant(X, prepend=True)).fit(method='newton', tol=1e-12, maxiter=200)",
          "features": features, "classes": sorted(set(y.tolist())),
          "params": T(fit.params), "bse": T(fit.bse), "z_values": T(fit.tvalues), "p_values": T(fit.pvalues),
          "conf_int_low": ci[:, :, 0].tolist(), "conf_int_high": ci[:, :, 1].tolist(),
          "llf": float(fit.llf), "llnull": float(fit.llnull), "aic": float(fit.aic), "bic": float(fit.bic),
          "prsquared": float(fit.prsquared), "llr": float(fit.llr), "llr_pvalue": float(fit.llr_pvalue),
          "df_model": float(fit.df_model), "df_resid": float(fit.df_resid), "converged": bool(fit.mle_retvals["converged"])}
with open(f"{out}/mnlogit.json", "w") as f:
    json.dump(result, f, indent=1)
print({k: result[k] for k in ["llf", "llnull", "aic", "bic", "prsquared", "converged"]}, result["bse"][0])
