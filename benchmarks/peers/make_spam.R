#!/usr/bin/env Rscript
# Writes benchmarks/data/spam.csv from R package kernlab's `spam` (4,601 e-mails × 57 numeric features, UCI Spambase):
# the 57 features as shipped, then a final `Label` column, 1 when `type` == "spam" else 0; a header row, no row names.
# The path benchmarks (PathBenchmarks.cs, LOGREG_BENCH_SPAM), glmnet_timing.R and sklearn_cv_timing.py all read it.
#   Rscript benchmarks/peers/make_spam.R [OUT_CSV]      (default: benchmarks/data/spam.csv under the repository root)
# Needs kernlab: apt-get install -y r-cran-kernlab
args <- commandArgs(trailingOnly = TRUE)
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
root <- normalizePath(file.path(dirname(script), "..", ".."))
out <- if (length(args) >= 1) args[1] else file.path(root, "benchmarks", "data", "spam.csv")

if (!requireNamespace("kernlab", quietly = TRUE)) {
  stop("R package kernlab is missing: apt-get install -y r-cran-kernlab", call. = FALSE)
}
data("spam", package = "kernlab", envir = environment())
stopifnot(nrow(spam) == 4601, ncol(spam) == 58, names(spam)[58] == "type")
x <- spam[, 1:57]
stopifnot(all(vapply(x, is.numeric, logical(1))))
frame <- data.frame(x, Label = as.integer(spam$type == "spam"), check.names = FALSE)

dir.create(dirname(out), recursive = TRUE, showWarnings = FALSE)
# 15 significant digits: every value as kernlab ships it (none has more than a few decimals).
write.csv(format(frame, digits = 15, trim = TRUE, scientific = FALSE), out, row.names = FALSE, quote = FALSE)
cat(sprintf("%s: %d rows x %d features + Label (%d spam, %d non-spam)\n",
            out, nrow(frame), ncol(x), sum(frame$Label), sum(frame$Label == 0)))
