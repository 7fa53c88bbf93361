#!/usr/bin/env python3
"""End-to-end `logreg cv` against R's cv.glmnet on the same CSV, as users run them, builds side by side.

For each of --runs rounds, in turn: every LOGREG command given (e.g. an older build and this one), then
  R: Rscript benchmarks/peers/cv_glmnet_e2e.R FILE LABEL [dense|sparse]   (reads the CSV, cv.glmnet with its defaults)
timing each from process start to exit and reading its peak resident memory (/usr/bin/time -f %M). Prints each one's
median and range, and each build's median ratio to R's. Ours run as
  LOGREG cv --data FILE --label LABEL --seed 1 --model TMP.zip [EXTRA…]
Time the ReadyToRun tool (`dotnet publish -c Release -r linux-x64 src/LogReg.Cli -o DIR`, what the packed tool holds):
`dotnet build` outputs compile everything at run time, ~0.6 s more on a DNA-sized run.

usage: cv_vs_glmnet.py FILE LABEL "LOGREG" ["LOGREG" …] [--sparse] [--runs N] [-- EXTRA…]
  e.g. cv_vs_glmnet.py /tmp/tic.csv CARAVAN /tmp/old/logreg /tmp/new/logreg --sparse --runs 3 -- --categorical STYPE
"""
import os, shlex, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
R_SCRIPT = os.path.join(HERE, "..", "peers", "cv_glmnet_e2e.R")

def timed(cmd):
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        done = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", t.name] + cmd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        if done.returncode != 0:
            sys.exit(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr.decode(errors='replace')[-400:]}")
        seconds, kb = t.read().split()[-2:]
        return float(seconds), int(kb) / 1024

def main():
    args = sys.argv[1:]
    extra = []
    if "--" in args:
        i = args.index("--"); extra = args[i + 1:]; args = args[:i]
    runs = 3
    if "--runs" in args:
        i = args.index("--runs"); runs = int(args[i + 1]); del args[i:i + 2]
    sparse = "--sparse" in args
    args = [a for a in args if a != "--sparse"]
    if len(args) < 3:
        sys.exit(__doc__)
    data, label, builds = args[0], args[1], args[2:]
    model = os.path.join(tempfile.mkdtemp(), "m.zip")
    commands = {b: shlex.split(b) + ["cv", "--data", data, "--label", label, "--seed", "1", "--model", model] + extra
                for b in builds}
    commands["cv.glmnet"] = ["Rscript", R_SCRIPT, data, label, "sparse" if sparse else "dense"]
    seen = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            seen[name].append(timed(cmd))
    r = statistics.median(s for s, _ in seen["cv.glmnet"])
    for name, values in seen.items():
        times = [s for s, _ in values]
        peak = statistics.median(m for _, m in values)
        ratio = "" if name == "cv.glmnet" else f"  {statistics.median(times) / r:.2f}x cv.glmnet"
        print(f"{name}: median {statistics.median(times):.2f} s ({min(times):.2f}-{max(times):.2f}), peak {peak:.0f} MB{ratio}")

if __name__ == "__main__":
    main()
