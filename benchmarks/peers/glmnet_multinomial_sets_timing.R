#!/usr/bin/env Rscript
# glmnet's side of MultinomialCollinearPathBenchmarks on benchmarks/data/soybean.csv and letter.csv
# (make_multiclass_sets.R), glmnet's defaults: glmnet(x, y, family = "multinomial", alpha = a) for Soybean at α = 1 and
# 0.5 and LetterRecognition at α = 1; each case run once to warm up, then N times; the median and minimum elapsed
# seconds, the path length and glmnet's passes. Reading the CSV is not timed. With `first`, only the first call of one
# case in this fresh R (CASE 1: Soybean α = 1, 2: α = 0.5), glmnet's side of MultinomialPathColdStartBenchmarks:
#   Rscript benchmarks/peers/glmnet_multinomial_sets_timing.R [N=5]
#   Rscript benchmarks/peers/glmnet_multinomial_sets_timing.R first CASE
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
first <- length(args) >= 1 && args[1] == "first"
runs <- if (length(args) >= 1 && !first) as.integer(args[1]) else 5L
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
root <- normalizePath(file.path(dirname(script), "..", ".."))
read <- function(name) {
  csv <- file.path(root, "benchmarks", "data", paste0(name, ".csv"))
  if (!file.exists(csv)) stop(sprintf("%s is missing: run Rscript benchmarks/peers/make_multiclass_sets.R", csv), call. = FALSE)
  data <- read.csv(csv, check.names = FALSE)
  list(x = as.matrix(data[, setdiff(names(data), "Class")]), y = factor(data$Class))
}
cases <- list(list("soybean", 1), list("soybean", 0.5), list("letter", 1))
if (first) {
  case <- cases[[as.integer(args[2])]]
  set <- read(case[[1]])
  seconds <- system.time(fit <- glmnet(set$x, set$y, family = "multinomial", alpha = case[[2]]))[["elapsed"]]
  cat(sprintf("first call: %-8s alpha %-4s %.3f s  %d lambda\n", case[[1]], case[[2]], seconds, length(fit$lambda)))
  quit(save = "no")
}
sets <- list(soybean = read("soybean"), letter = read("letter"))
cat(sprintf("glmnet %s, R %s; %d timed run(s) after 1 warm-up\n", packageVersion("glmnet"), getRversion(), runs))
for (case in cases) {
  set <- sets[[case[[1]]]]
  run <- function() glmnet(set$x, set$y, family = "multinomial", alpha = case[[2]])
  fit <- run()
  seconds <- vapply(seq_len(runs), function(i) system.time(run())[["elapsed"]], numeric(1))
  cat(sprintf("%-8s alpha %-4s median %.3f s  min %.3f s  %d lambda  dev.ratio %.6f  passes %d\n", case[[1]], case[[2]],
              median(seconds), min(seconds), length(fit$lambda), fit$dev.ratio[length(fit$lambda)], fit$npasses))
}
