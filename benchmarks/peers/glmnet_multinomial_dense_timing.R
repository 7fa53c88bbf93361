#!/usr/bin/env Rscript
# glmnet's side of MultinomialDensePathBenchmarks on benchmarks/data/vehicle.csv (make_vehicle.R), glmnet's defaults:
#   glmnet(x, y, family = "multinomial")                 α = 1 (lasso) and α = 0.5
#   cv.glmnet(x, y, family = "multinomial", foldid = rep(1:10, length.out = n))   α = 1, deviance
# each run once to warm up, then N times; the median and minimum elapsed seconds per case, the path length and, for
# cv.glmnet, lambda.min and lambda.1se. Reading the CSV is not timed.
#   Rscript benchmarks/peers/glmnet_multinomial_dense_timing.R [N=7] [CSV]
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
runs <- if (length(args) >= 1) as.integer(args[1]) else 7L
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
root <- normalizePath(file.path(dirname(script), "..", ".."))
csv <- if (length(args) >= 2) args[2] else file.path(root, "benchmarks", "data", "vehicle.csv")
if (!file.exists(csv)) stop(sprintf("%s is missing: run Rscript benchmarks/peers/make_vehicle.R", csv), call. = FALSE)
data <- read.csv(csv, check.names = FALSE)
x <- as.matrix(data[, setdiff(names(data), "Class")])
y <- factor(data$Class)
foldid <- rep(1:10, length.out = nrow(x))
cases <- list(
  list(name = "glmnet multinomial lasso (alpha 1)", run = function() glmnet(x, y, family = "multinomial")),
  list(name = "glmnet multinomial elastic net (alpha 0.5)", run = function() glmnet(x, y, family = "multinomial", alpha = 0.5)),
  list(name = "cv.glmnet multinomial 10-fold lasso (deviance)", run = function() cv.glmnet(x, y, family = "multinomial", foldid = foldid)))
cat(sprintf("glmnet %s, R %s; %s: %d x %d, %d classes; %d timed run(s) after 1 warm-up\n",
            packageVersion("glmnet"), getRversion(), basename(csv), nrow(x), ncol(x), nlevels(y), runs))
for (case in cases) {
  fit <- case$run()
  seconds <- vapply(seq_len(runs), function(i) system.time(case$run())[["elapsed"]], numeric(1))
  path <- if (inherits(fit, "cv.glmnet")) fit$glmnet.fit else fit
  extra <- if (inherits(fit, "cv.glmnet")) sprintf("  lambda.min %.6g  lambda.1se %.6g", fit$lambda.min, fit$lambda.1se) else ""
  cat(sprintf("%-48s median %.3f s  min %.3f s  %d lambda  dev.ratio %.6f%s\n", case$name, median(seconds), min(seconds),
              length(path$lambda), path$dev.ratio[length(path$lambda)], extra))
}
