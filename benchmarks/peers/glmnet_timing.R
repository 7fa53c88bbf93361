#!/usr/bin/env Rscript
# glmnet's side of the path benchmarks (PathBenchmarks.cs) on benchmarks/data/spam.csv (make_spam.R): the features
# rounded to single precision as LogReg.MLNet stores them, then, at glmnet's default thresh (1e-7) and at 1e-14,
#   glmnet(x, y, family = "binomial")                 α = 1 (lasso) and α = 0.5
#   cv.glmnet(x, y, family = "binomial", nfolds = 10, foldid = rep(1:10, length.out = n))   α = 1, deviance
# each run once to warm up, then N times; prints the median and minimum elapsed seconds per case, the path length
# (number of λ) and, for cv.glmnet, lambda.min and lambda.1se. Reading the CSV is not timed.
# glmnet warnings (at 1e-14 the lasso hits maxit = 1e5 passes at its 94th λ and returns the first 93) are counted per case
# from the warm-up run, not printed. At thresh 1e-14 one cv.glmnet takes minutes (about 2.5 on a 2-core VM), so N = 7
# costs about 20 minutes; pass THRESH to time fewer, e.g. 1e-7.
#   Rscript benchmarks/peers/glmnet_timing.R [N=7] [CSV] [THRESH=1e-7,1e-14]
#   (CSV default: $LOGREG_BENCH_SPAM, else benchmarks/data/spam.csv; "" keeps the default)
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
runs <- if (length(args) >= 1) as.integer(args[1]) else 7L
stopifnot(!is.na(runs), runs >= 1)
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
root <- normalizePath(file.path(dirname(script), "..", ".."))
csv <- if (length(args) >= 2 && nzchar(args[2])) args[2] else Sys.getenv("LOGREG_BENCH_SPAM", file.path(root, "benchmarks", "data", "spam.csv"))
thresholds <- if (length(args) >= 3) as.numeric(strsplit(args[3], ",")[[1]]) else c(1e-7, 1e-14)
stopifnot(!anyNA(thresholds), all(thresholds > 0))
if (!file.exists(csv)) stop(sprintf("%s is missing: run Rscript benchmarks/peers/make_spam.R", csv), call. = FALSE)

f32 <- function(x) {
  m <- matrix(readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x)), nrow(x))
  colnames(m) <- colnames(x)
  m
}
data <- read.csv(csv, check.names = FALSE)
x <- f32(as.matrix(data[, setdiff(names(data), "Label")]))
y <- data$Label
n <- nrow(x)
foldid <- rep(1:10, length.out = n)

cases <- list(
  list(name = "glmnet lasso (alpha 1)",   cv = FALSE, alpha = 1),
  list(name = "glmnet elastic net (alpha 0.5)", cv = FALSE, alpha = 0.5),
  list(name = "cv.glmnet 10-fold lasso (deviance)", cv = TRUE, alpha = 1))

run <- function(case, thresh) {
  if (case$cv) {
    cv.glmnet(x, y, family = "binomial", alpha = case$alpha, nfolds = 10, foldid = foldid, thresh = thresh)
  } else {
    glmnet(x, y, family = "binomial", alpha = case$alpha, thresh = thresh)
  }
}

cat(sprintf("glmnet %s, R %s, %s; spam %d x %d (single-precision features); %d timed run(s) after 1 warm-up\n",
            packageVersion("glmnet"), getRversion(), R.version$platform, n, ncol(x), runs))
rows <- list()
notes <- character(0)
for (thresh in thresholds) {
  for (case in cases) {
    warned <- character(0)
    fit <- withCallingHandlers(run(case, thresh),  # warm-up, and the result the table describes
                               warning = function(w) { warned <<- c(warned, conditionMessage(w)); invokeRestart("muffleWarning") })
    seconds <- vapply(seq_len(runs), function(i) {
      t <- system.time(suppressWarnings(run(case, thresh)))
      t[["elapsed"]]
    }, numeric(1))
    path <- if (case$cv) fit$glmnet.fit else fit
    rows[[length(rows) + 1]] <- data.frame(
      case = case$name, thresh = format(thresh), median_s = median(seconds), min_s = min(seconds),
      n_lambda = length(path$lambda), df_last = path$df[length(path$df)],
      dev_ratio_last = path$dev.ratio[length(path$dev.ratio)],
      lambda_min = if (case$cv) fit$lambda.min else NA_real_,
      lambda_1se = if (case$cv) fit$lambda.1se else NA_real_,
      warnings = length(warned),
      check.names = FALSE)
    if (length(warned) > 0) notes <- c(notes, sprintf("%s, thresh %s: %s", case$name, format(thresh), warned[1]))
  }
}
table <- do.call(rbind, rows)
options(width = 250)
print(format(table, digits = 6), row.names = FALSE)
if (length(notes) > 0) cat("First warning per case (warm-up run):\n", paste0("  ", notes, "\n"), sep = "")
