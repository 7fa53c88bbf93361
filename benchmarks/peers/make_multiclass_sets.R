#!/usr/bin/env Rscript
# Writes benchmarks/data/soybean.csv and benchmarks/data/letter.csv from R package mlbench, in make_vehicle.R's form
# (a header row, the features, then a final `Class` column with the class names; no row names):
#   soybean.csv  Soybean's complete cases (562 of 683 rows, 15 classes), each of its 35 factors as a full set of 0/1
#                dummies (97 columns, no level dropped: every factor's dummies sum to the intercept's column)
#   letter.csv   LetterRecognition (20,000 rows × 16 integer features, 26 classes)
# MultinomialCollinearPathBenchmarks.cs and glmnet_multinomial_sets_timing.R read them.
#   Rscript benchmarks/peers/make_multiclass_sets.R [OUT_DIR]   (default: benchmarks/data under the repository root)
# Needs mlbench: apt-get install -y r-cran-mlbench
args <- commandArgs(trailingOnly = TRUE)
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
root <- normalizePath(file.path(dirname(script), "..", ".."))
out <- if (length(args) >= 1) args[1] else file.path(root, "benchmarks", "data")
if (!requireNamespace("mlbench", quietly = TRUE)) {
  stop("R package mlbench is missing: apt-get install -y r-cran-mlbench", call. = FALSE)
}
dir.create(out, recursive = TRUE, showWarnings = FALSE)
data("Soybean", package = "mlbench", envir = environment())
s <- Soybean[complete.cases(Soybean), ]
f <- s[, -1]
for (n in names(f)) f[[n]] <- droplevels(factor(f[[n]]))
x <- as.data.frame(model.matrix(~ . - 1, data = f, contrasts.arg = lapply(f, contrasts, contrasts = FALSE)))
names(x) <- make.names(names(x))
stopifnot(nrow(x) == 562, ncol(x) == 97)
write.csv(data.frame(x, Class = as.character(droplevels(s$Class)), check.names = FALSE),
          file.path(out, "soybean.csv"), row.names = FALSE, quote = FALSE)
data("LetterRecognition", package = "mlbench", envir = environment())
stopifnot(nrow(LetterRecognition) == 20000, names(LetterRecognition)[1] == "lettr")
write.csv(data.frame(LetterRecognition[, -1], Class = as.character(LetterRecognition$lettr), check.names = FALSE),
          file.path(out, "letter.csv"), row.names = FALSE, quote = FALSE)
cat(sprintf("%s: soybean.csv (562 x 97, 15 classes), letter.csv (20000 x 16, 26 classes)\n", out))
