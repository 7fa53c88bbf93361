#!/usr/bin/env Rscript
# glmnet's side of MultinomialPathBenchmarks: the multinomial lasso path with glmnet's defaults on the text check's
# training rows, as written by `dotnet run -c Release --project benchmarks/LogReg.Benchmarks -- --export-text DIR`.
# One warm-up, then N timed runs; median and minimum seconds, path length, last deviance ratio.
#   Rscript benchmarks/peers/glmnet_multinomial_timing.R DIR [N=3]
suppressMessages({ library(glmnet); library(Matrix) })
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
runs <- if (length(args) >= 2) as.integer(args[2]) else 3L
y <- scan(file.path(dir, "train-labels.csv"), quiet = TRUE)
t <- read.csv(file.path(dir, "train.csv"), header = FALSE)
x <- sparseMatrix(i = t$V1, j = t$V2, x = t$V3, dims = c(length(y), 5000))
run <- function() glmnet(x, factor(y), family = "multinomial")
fit <- run()
seconds <- vapply(seq_len(runs), function(i) system.time(run())[["elapsed"]], numeric(1))
cat(sprintf("glmnet %s, R %s; %d x %d, %d stored values, %d classes; %d timed run(s) after 1 warm-up\n",
            packageVersion("glmnet"), getRversion(), nrow(x), ncol(x), length(x@x), nlevels(factor(y)), runs))
cat(sprintf("multinomial lasso path  median %.2f s  min %.2f s  %d lambda  dev.ratio %.6f  passes %d\n",
            median(seconds), min(seconds), length(fit$lambda), fit$dev.ratio[length(fit$lambda)], fit$npasses))
