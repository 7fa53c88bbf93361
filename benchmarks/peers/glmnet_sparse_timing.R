#!/usr/bin/env Rscript
# glmnet's side of SparsePathBenchmarks on benchmarks/data/sparse.csv (make_sparse.R): the lasso path and cv.glmnet
# (10 folds, foldid = rep(1:10, length.out = n), deviance) on the dgCMatrix, at thresh 1e-7 (glmnet's default) and
# any others given; one warm-up, then N timed runs; median and minimum seconds, path length, lambda.1se.
#   Rscript benchmarks/peers/glmnet_sparse_timing.R [N=5] [THRESH=1e-7,...]
suppressMessages({ library(glmnet); library(Matrix) })
args <- commandArgs(trailingOnly = TRUE)
runs <- if (length(args) >= 1) as.integer(args[1]) else 5L
thresholds <- if (length(args) >= 2) as.numeric(strsplit(args[2], ",")[[1]]) else 1e-7
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
data <- file.path(normalizePath(file.path(dirname(script), "..")), "data")
t <- read.csv(file.path(data, "sparse.csv")); y <- read.csv(file.path(data, "sparse_labels.csv"))$Label
x <- sparseMatrix(i = t$row, j = t$column, x = t$value, dims = c(length(y), 2000))
foldid <- rep(1:10, length.out = length(y))
cat(sprintf("glmnet %s, R %s; sparse %d x %d, %d stored values; %d timed run(s) after 1 warm-up\n",
            packageVersion("glmnet"), getRversion(), nrow(x), ncol(x), length(x@x), runs))
for (thresh in thresholds) {
  for (cv in c(FALSE, TRUE)) {
    run <- function() if (cv) cv.glmnet(x, y, family = "binomial", foldid = foldid, thresh = thresh) else glmnet(x, y, family = "binomial", thresh = thresh)
    fit <- run()
    seconds <- vapply(seq_len(runs), function(i) system.time(run())[["elapsed"]], numeric(1))
    path <- if (cv) fit$glmnet.fit else fit
    cat(sprintf("%-22s thresh %-6g median %.3f s  min %.3f s  %d lambda%s\n", if (cv) "cv.glmnet lasso" else "glmnet lasso path", thresh,
                median(seconds), min(seconds), length(path$lambda), if (cv) sprintf("  lambda.1se %.6g", fit$lambda.1se) else ""))
  }
}
