#!/usr/bin/env Rscript
# Writes benchmarks/data/vehicle.csv from R package mlbench's `Vehicle` (Statlog vehicle silhouettes, UCI: 846 rows ×
# 18 integer shape measures, 4 classes bus/opel/saab/van): the 18 features as shipped, then a final `Class` column; a
# header row, no row names. MultinomialDensePathBenchmarks.cs and glmnet_multinomial_dense_timing.R read it.
#   Rscript benchmarks/peers/make_vehicle.R [OUT_CSV]   (default: benchmarks/data/vehicle.csv under the repository root)
# Needs mlbench: apt-get install -y r-cran-mlbench
args <- commandArgs(trailingOnly = TRUE)
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
root <- normalizePath(file.path(dirname(script), "..", ".."))
out <- if (length(args) >= 1) args[1] else file.path(root, "benchmarks", "data", "vehicle.csv")
if (!requireNamespace("mlbench", quietly = TRUE)) {
  stop("R package mlbench is missing: apt-get install -y r-cran-mlbench", call. = FALSE)
}
data("Vehicle", package = "mlbench", envir = environment())
stopifnot(nrow(Vehicle) == 846, ncol(Vehicle) == 19, names(Vehicle)[19] == "Class")
stopifnot(all(vapply(Vehicle[, 1:18], is.numeric, logical(1))))
frame <- data.frame(Vehicle[, 1:18], Class = as.character(Vehicle$Class), check.names = FALSE)
dir.create(dirname(out), recursive = TRUE, showWarnings = FALSE)
write.csv(frame, out, row.names = FALSE, quote = FALSE)
cat(sprintf("%s: %d rows x %d features + Class (%s)\n", out, nrow(frame), 18,
            paste(names(table(frame$Class)), table(frame$Class), sep = " ", collapse = ", ")))
