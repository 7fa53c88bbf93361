"""Builds iris.csv and softmax.json (run once; tests never call it).

Multinomial (softmax) logistic regression references from scikit-learn on Fisher's iris data
(sklearn.datasets.load_iris, 150 rows × 4 features, 3 classes; R. A. Fisher 1936, UCI). Each fit
minimises  F = Σ c_{y_i}·[logsumexp(z_i) − z_{i,y_i}] + R(W),  z_i = W·x_i + b, biases unpenalised:
  * "l2":       C = 1, R = ½‖W‖²  (lbfgs)                  — this library's L2 = 1
  * "l2_c0.1":  C = 0.1, R = 5‖W‖² (lbfgs)                 — L2 = 10
  * "balanced": C = 1, class_weight="balanced" on an imbalanced subset (the first 10 setosa, all
                50 versicolor, the first 30 virginica) — c_k = n / (K·n_k)
  * "l1":       C = 1, R = ‖W‖₁ (saga) on standardised features (mean 0, population sd 1)
  * "digits":   C = 1 (lbfgs) on the 8×8 digits scikit-learn ships (load_digits: 1,797 rows × 64
                pixel counts 0–16, 10 classes), written to digits.csv
scikit-learn's lbfgs stops at a gradient of about 2e-3 here (its tol is not a gradient bound), so
each smooth fit is also polished by scipy.optimize.minimize(method="BFGS", gtol=1e-11) from
scikit-learn's answer on the same objective: "optimum" holds that point and its max |gradient|.
Run with Debian bookworm's python3-sklearn 1.2.1:
    /usr/bin/python3 tests/LogReg.Tests/Reference/scripts/make_softmax.py tests/LogReg.Tests/Reference
"""
import json
import sys

import numpy as np
import scipy
import sklearn
from scipy.optimize import minimize
from scipy.special import logsumexp, softmax
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.utils.class_weight import compute_class_weight

out = sys.argv[1]
iris = load_iris()
X, y = iris.data, iris.target
names = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
with open(f"{out}/iris.csv", "w") as f:
    f.write(",".join(names) + ",species\n")
    for row, label in zip(X, y):
        f.write(",".join(f"{v:g}" for v in row) + f",{iris.target_names[label]}\n")


def objective(X, y, coef, intercept, weights, l2=0.0, l1=0.0):
    z = X @ coef.T + intercept
    loss = logsumexp(z, axis=1) - z[np.arange(len(y)), y]
    return float(np.sum(weights * loss) + 0.5 * l2 * np.sum(coef ** 2) + l1 * np.sum(np.abs(coef)))


def smooth(theta, X, y, weights, l2):
    K, d = int(y.max()) + 1, X.shape[1]
    W, b = theta[:K * d].reshape(K, d), theta[K * d:]
    z = X @ W.T + b
    r = weights[:, None] * (softmax(z, axis=1) - np.eye(K)[y])
    value = np.sum(weights * (logsumexp(z, axis=1) - z[np.arange(len(y)), y])) + 0.5 * l2 * np.sum(W ** 2)
    return value, np.r_[(r.T @ X + l2 * W).ravel(), r.sum(axis=0)]


def record(fit, X, y, weights, l2=0.0, l1=0.0):
    result = {"coef": fit.coef_.tolist(), "intercept": fit.intercept_.tolist(),
              "objective": objective(X, y, fit.coef_, fit.intercept_, weights, l2, l1), "n_iter": int(fit.n_iter_[0])}
    if l1 == 0:
        start = np.r_[fit.coef_.ravel(), fit.intercept_]
        result["gradient_max"] = float(np.abs(smooth(start, X, y, weights, l2)[1]).max())
        polished = minimize(smooth, start, args=(X, y, weights, l2), jac=True, method="BFGS", options={"gtol": 1e-11})
        d, K = X.shape[1], int(y.max()) + 1
        result["optimum"] = {"coef": polished.x[:K * d].reshape(K, d).tolist(), "intercept": polished.x[K * d:].tolist(),
                             "objective": float(polished.fun), "gradient_max": float(np.abs(polished.jac).max())}
    return result


result = {"software": {"scikit-learn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__},
          "data": "iris.csv (classes in order setosa, versicolor, virginica)"}
ones = np.ones(len(y))
fit = LogisticRegression(multi_class="multinomial", C=1, solver="lbfgs", tol=1e-12, max_iter=100000).fit(X, y)
result["l2"] = {"call": "LogisticRegression(multi_class='multinomial', C=1, solver='lbfgs', tol=1e-12, max_iter=100000)", **record(fit, X, y, ones, l2=1)}
fit = LogisticRegression(multi_class="multinomial", C=0.1, solver="lbfgs", tol=1e-12, max_iter=100000).fit(X, y)
result["l2_c0.1"] = {"call": "LogisticRegression(multi_class='multinomial', C=0.1, solver='lbfgs', tol=1e-12, max_iter=100000)", **record(fit, X, y, ones, l2=10)}

rows = np.r_[0:10, 50:100, 100:130]
Xs, ys = X[rows], y[rows]
cw = compute_class_weight("balanced", classes=np.array([0, 1, 2]), y=ys)
fit = LogisticRegression(multi_class="multinomial", C=1, class_weight="balanced", solver="lbfgs", tol=1e-12, max_iter=100000).fit(Xs, ys)
result["balanced"] = {"call": "LogisticRegression(multi_class='multinomial', C=1, class_weight='balanced', solver='lbfgs', tol=1e-12, max_iter=100000)",
                      "rows": rows.tolist(), "class_weights": cw.tolist(), **record(fit, Xs, ys, cw[ys], l2=1)}

Z = (X - X.mean(axis=0)) / X.std(axis=0)
fit = LogisticRegression(multi_class="multinomial", penalty="l1", C=1, solver="saga", tol=1e-12, max_iter=1000000).fit(Z, y)
result["l1"] = {"call": "LogisticRegression(multi_class='multinomial', penalty='l1', C=1, solver='saga', tol=1e-12, max_iter=1000000) on standardised X",
                "mean": X.mean(axis=0).tolist(), "sd": X.std(axis=0).tolist(), **record(fit, Z, y, ones, l1=1)}
from sklearn.datasets import load_digits
digits = load_digits()
Xd, yd = digits.data, digits.target
with open(f"{out}/digits.csv", "w") as f:
    f.write(",".join(f"p{j}" for j in range(Xd.shape[1])) + ",digit\n")
    for row, label in zip(Xd, yd):
        f.write(",".join(f"{int(v)}" for v in row) + f",{label}\n")
fit = LogisticRegression(multi_class="multinomial", C=1, solver="lbfgs", tol=1e-12, max_iter=100000).fit(Xd, yd)
result["digits"] = {"call": "LogisticRegression(multi_class='multinomial', C=1, solver='lbfgs', tol=1e-12, max_iter=100000) on load_digits()",
                    **record(fit, Xd, yd, np.ones(len(yd)), l2=1)}

with open(f"{out}/softmax.json", "w") as f:
    json.dump(result, f, indent=1)
print(json.dumps({k: (v.get("objective"), v.get("gradient_max"), v.get("optimum", {}).get("gradient_max")) for k, v in result.items() if "objective" in v}, indent=1))
