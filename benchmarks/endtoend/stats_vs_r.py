#!/usr/bin/env python3
"""End-to-end `logreg stats` against R's glm on every CSV of a folder, as users run them.

For each CSV (last column `Label` in {0, 1}) and each of --runs repetitions, in alternating order, times from process
start to exit:
  ours: LOGREG stats --data FILE --label Label --json OUT   (table printed, statistics written)
  R:    Rscript -e 'd <- read.csv(FILE); print(summary(glm(Label ~ ., d, family = binomial)))'
and prints the median of each, their ratio, and whether ours is faster. Output is discarded (stdout to /dev/null).

usage: stats_vs_r.py "COMMAND THAT RUNS logreg" [FOLDER] [--runs N]
  e.g. stats_vs_r.py "dotnet src/LogReg.Cli/bin/Release/net10.0/logreg.dll" ../shared/reference/separation --runs 7
"""
import glob, os, shlex, statistics, subprocess, sys, tempfile, time

def wall(cmd):
    start = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode(errors='replace')[-400:]}")
    return took

def main():
    args = sys.argv[1:]
    runs = 5
    if "--runs" in args:
        i = args.index("--runs"); runs = int(args[i + 1]); del args[i:i + 2]
    if not args:
        sys.exit(__doc__)
    logreg = shlex.split(args[0])
    folder = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "reference", "separation")
    files = sorted(glob.glob(os.path.join(folder, "*.csv")))
    out = os.path.join(tempfile.mkdtemp(), "stats.json")
    times = {f: ([], []) for f in files}
    for rep in range(runs):
        for f in files:
            ours = logreg + ["stats", "--data", f, "--label", "Label", "--json", out]
            r = ["Rscript", "-e", f"d <- read.csv('{f}'); print(summary(glm(Label ~ ., d, family = binomial)))"]
            pair = [(0, ours), (1, r)] if rep % 2 == 0 else [(1, r), (0, ours)]
            for k, cmd in pair:
                times[f][k].append(wall(cmd))
    print(f"{'set':32s} {'rows':>6s} {'cols':>5s} {'logreg s':>9s} {'R s':>7s} {'ratio':>6s}")
    slower = 0
    for f in files:
        with open(f) as fh:
            cols = len(fh.readline().split(",")) - 1
            rows = sum(1 for line in fh if line.strip())
        ours, r = (statistics.median(t) for t in times[f])
        slower += ours > r
        print(f"{os.path.basename(f)[:-4]:32s} {rows:6d} {cols:5d} {ours:9.3f} {r:7.3f} {ours / r:6.2f}{'  SLOWER' if ours > r else ''}")
    print(f"medians of {runs} runs each, alternating; sets where logreg is slower than R: {slower} of {len(files)}")
    return 1 if slower else 0

if __name__ == "__main__":
    sys.exit(main())
