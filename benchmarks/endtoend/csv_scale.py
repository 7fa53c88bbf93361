"""End-to-end CSV scale check for `logreg` against pandas + scikit-learn (issue 26), as a user runs each tool.

Usage: python3 csv_scale.py LOGREG [WORKDIR] [REPEATS]
Generates (once) a 500,000 x 20 numeric CSV, a 2.6M x 10 numeric + 1 category CSV and a 50 x 5,000 CSV in WORKDIR,
then runs each command REPEATS times in fresh processes, alternating tools, and prints the median wall time and the
median peak resident memory (/usr/bin/time %M) of each. Peers: pandas.read_csv + LogisticRegression().fit (train) and
pickle.load + read_csv + predict_proba + to_csv (predict), with /usr/bin/python3 (pandas 1.5.3, scikit-learn 1.2.1 here).
"""
import os, statistics, subprocess, sys
import numpy as np, pandas as pd

logreg = sys.argv[1]
work = sys.argv[2] if len(sys.argv) > 2 else "/tmp/csv_scale"
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 3
os.makedirs(work, exist_ok=True)
here = os.path.dirname(os.path.abspath(__file__))

def make():
    rng = np.random.default_rng(1)
    big = os.path.join(work, "big.csv")
    if not os.path.exists(big):
        X = rng.normal(size=(500_000, 20)).round(6); w = rng.normal(size=20) * 0.5
        y = (rng.random(500_000) < 1 / (1 + np.exp(-(X @ w)))).astype(int)
        df = pd.DataFrame(X, columns=[f"x{j}" for j in range(20)]); df["y"] = y; df.to_csv(big, index=False)
    cat = os.path.join(work, "cat.csv")
    if not os.path.exists(cat):
        n = 2_600_000; X = rng.normal(size=(n, 10)).round(5)
        g = rng.choice(np.array(["alpha", "beta", "gamma", "delta", "epsilon"]), size=n)
        eff = {"alpha": 0, "beta": 0.3, "gamma": -0.4, "delta": 0.8, "epsilon": -0.2}
        z = X @ (rng.normal(size=10) * 0.5) + np.vectorize(eff.get)(g)
        df = pd.DataFrame(X, columns=[f"x{j}" for j in range(10)]); df["group"] = g
        df["y"] = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(int); df.to_csv(cat, index=False)
    wide = os.path.join(work, "wide.csv")
    if not os.path.exists(wide):
        X = rng.normal(size=(50, 5000)).round(4)
        df = pd.DataFrame(X, columns=[f"x{j}" for j in range(5000)]); df["y"] = (rng.random(50) < 0.5).astype(int)
        df.to_csv(wide, index=False)
    return big, cat, wide

def run(args):
    r = subprocess.run(["/usr/bin/time", "-f", "%e %M"] + args, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {r.stderr[-500:]}")
    seconds, kb = r.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(kb) / 1024

def measure(cases):
    results = {name: [] for name, _ in cases}
    for _ in range(repeats):
        for name, args in cases:
            results[name].append(run(args))
    for name, values in results.items():
        print(f"{name:48s} {statistics.median(v[0] for v in values):7.2f} s {statistics.median(v[1] for v in values):8.0f} MB")

big, cat, wide = make()
py = "/usr/bin/python3"
for path in (big, cat):
    mb = os.path.getsize(path) / 2**20
    print(f"{os.path.basename(path)}: {mb:.0f} MB (2x = {2 * mb:.0f} MB)")
m = os.path.join(work, "m.zip"); pkl = os.path.join(work, "m.pkl")
subprocess.run([py, os.path.join(here, "sklearn_csv.py"), "fit", big, "y", pkl], check=True, capture_output=True)
subprocess.run([logreg, "train", "--data", big, "--label", "y", "--model", m], check=True, capture_output=True)
measure([
    ("logreg train big.csv", [logreg, "train", "--data", big, "--label", "y", "--model", m]),
    ("pandas read_csv + LogisticRegression().fit", [py, os.path.join(here, "sklearn_csv.py"), "fit", big, "y", pkl]),
    ("logreg predict big.csv --out", [logreg, "predict", "--model", m, "--data", big, "--out", os.path.join(work, "p.csv")]),
    ("pandas read_csv + predict_proba + to_csv", [py, os.path.join(here, "sklearn_csv.py"), "predict", big, "y", pkl, os.path.join(work, "q.csv")]),
    ("logreg train wide.csv (50 x 5,000)", [logreg, "train", "--data", wide, "--label", "y", "--model", os.path.join(work, "w.zip")]),
])
mc = os.path.join(work, "c.zip")
measure([
    ("logreg train cat.csv (2.6M x 10 + category)", [logreg, "train", "--data", cat, "--label", "y", "--model", mc]),
    ("logreg predict cat.csv --out", [logreg, "predict", "--model", mc, "--data", cat, "--out", os.path.join(work, "pc.csv")]),
    ("logreg stats cat.csv", [logreg, "stats", "--data", cat, "--label", "y"]),
])
