# unix_times.csv: 1,000 Unix times over 30 days (multiples of 128 s, so float32 storage holds them exactly), positive from
# the 501st on with the 500th moved to one float step (128 s) before it, and a noise column (multiples of 1/1024). The
# scaled time column spans only [0.9985, 1] — nearly the intercept column — which stalled the interior-point solve
# before its columns were shifted. Complete separation by time. The verdict as make_housevotes_verdict.py makes it:
# Konis's LP (separation iff optimum > 1e-7) and the minimum-margin LP (complete iff t > 1e-9), scipy linprog HiGHS.
# Run once with Debian bookworm's python3-numpy 1.24.2, python3-pandas, python3-scipy 1.10.1:
#   /usr/bin/python3 scripts/make_unix_times.py
import json, os
import numpy as np, pandas as pd
from scipy.optimize import linprog
here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
rng = np.random.default_rng(10)
t0 = 1_700_000_000 // 128
ts = 128.0 * np.sort(rng.integers(t0, t0 + 86400 * 30 // 128, size=1000)); T = ts[500]
ts[499] = T - 128; y = (ts >= T).astype(int); noise = np.round(rng.normal(size=1000) * 1024) / 1024
d = pd.DataFrame({"time": ts, "noise": noise, "Label": y}); d.to_csv(os.path.join(here, "unix_times.csv"), index=False)
y = d.pop("Label").to_numpy()
X = np.column_stack([np.ones(len(d)), d.to_numpy(float)]); cols = ["intercept"] + list(d.columns)
scale = np.abs(X).max(axis=0); scale[scale == 0] = 1
A = (X / scale) * np.where(y > 0, 1.0, -1.0)[:, None]
k = A.shape[1]
lp1 = linprog(-A.sum(axis=0), A_ub=-A, b_ub=np.zeros(len(A)), bounds=[(-1, 1)] * k, method="highs")
c = np.zeros(k + 1); c[-1] = -1
lp2 = linprog(c, A_ub=np.hstack([-A, np.ones((len(A), 1))]), b_ub=np.zeros(len(A)), bounds=[(-1, 1)] * k + [(None, 1)], method="highs")
out = {"separation": bool(-lp1.fun > 1e-7), "optimum": float(-lp1.fun), "complete": bool(-lp2.fun > 1e-9),
       "minimum_margin": float(-lp2.fun), "status": lp1.message,
       "direction": {n: float(b) for n, b in zip(cols, lp1.x) if abs(b) > 1e-9}}
json.dump(out, open(os.path.join(here, "unix_times.separation.json"), "w"), indent=1)
print(out["separation"], out["complete"], out["optimum"], out["minimum_margin"])
