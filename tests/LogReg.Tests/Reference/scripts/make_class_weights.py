"""Builds class_weights.json (run once; tests never call it).

scikit-learn's LogisticRegression with class_weight="balanced" (weights n / (2·n_c) from the class
counts, multiplied into the loss) and C = 1 on spector and breast cancer (raw features), solved by
newton-cholesky to a tight tolerance, and its objective
    F = Σ c_{y_i}·logloss_i + ½‖w‖²   (= this library's objective with L2 = 1 and example weights c_y).
Run with Debian bookworm's python3-sklearn 1.2.1:
    /usr/bin/python3 tests/LogReg.Tests/Reference/scripts/make_class_weights.py tests/LogReg.Tests/Reference
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.utils.class_weight import compute_class_weight

out = sys.argv[1]
result = {"software": {"scikit-learn": sklearn.__version__, "numpy": np.__version__},
          "call": "LogisticRegression(C=1, class_weight='balanced', solver='newton-cholesky', tol=1e-12, max_iter=1000)"}
for name in ["spector", "breast_cancer_wdbc"]:
    data = np.loadtxt(f"{out}/{name}.csv", delimiter=",", skiprows=1)
    X, y = data[:, :-1], data[:, -1].astype(int)
    fit = LogisticRegression(C=1, class_weight="balanced", solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(X, y)
    weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=y)
    z = X @ fit.coef_[0] + fit.intercept_[0]
    s = 2 * y - 1
    logloss = np.logaddexp(0, -s * z)
    objective = float(np.sum(weights[y] * logloss) + 0.5 * fit.coef_[0] @ fit.coef_[0])
    result[name] = {"class_weights": {"negative": float(weights[0]), "positive": float(weights[1])},
                    "objective": objective, "intercept": float(fit.intercept_[0]),
                    "coef": [float(v) for v in fit.coef_[0]], "n_iter": int(fit.n_iter_[0])}
with open(f"{out}/class_weights.json", "w") as f:
    json.dump(result, f, indent=1)
print(json.dumps(result, indent=1)[:1500])
