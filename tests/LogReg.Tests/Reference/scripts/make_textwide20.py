# Writes textwide20.txt: 800 rows of Zipf word counts over 5,000 words, 20 classes, row weights — a wide, weighted
# multinomial text set written by an outside tester (numpy's default_rng, seed 12). Format: a header "n d K dense",
# then one row per line: "label weight j:value ..." (0-based j, non-zeros only). Run: python3 make_textwide20.py OUT
import sys
import numpy as np

def write(path, X, y, w):
    n, d = X.shape
    K = int(y.max()) + 1
    with open(path, "w") as f:
        f.write(f"{n} {d} {K} 0\n")
        for i in range(n):
            nz = np.nonzero(X[i])[0]
            f.write(" ".join([str(int(y[i])), repr(float(w[i]))] + [f"{j}:{X[i,j]!r}" for j in nz]) + "\n")

def text(path, n, d, K, seed, mean_len=60, sig=0.15):
    rng = np.random.default_rng(seed)
    base = 1.0 / np.arange(1, d + 1) ** 1.1; base /= base.sum()
    y = rng.integers(0, K, n)
    prof = []
    for k in range(K):
        m = np.ones(d); idx = rng.choice(d, int(sig * d), replace=False)
        m[idx] = np.exp(rng.normal(0, 1.0, idx.size)); p = base * m; prof.append(p / p.sum())
    L = rng.poisson(mean_len, n) + 5
    X = np.zeros((n, d), dtype=np.float32)
    for i in range(n):
        X[i] = rng.multinomial(L[i], prof[y[i]])
    w = rng.uniform(0.3, 3.0, n)
    write(path, X.astype(np.float64), y, w)

text(sys.argv[1], 800, 5000, 20, 12)
