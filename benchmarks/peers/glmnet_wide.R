# glmnet on the featurised rows that `--featurize-text-check FILE export PREFIX` writes: the multinomial path (glmnet's
# defaults, one timed run) and/or cv.glmnet (10 random folds, seed 1) scored on the held-out rows at lambda.1se.
#   Rscript benchmarks/peers/glmnet_wide.R PREFIX FEATURES [path|cv|both]
suppressMessages({ library(glmnet); library(Matrix) })
args <- commandArgs(trailingOnly = TRUE); prefix <- args[1]; d <- as.integer(args[2]); what <- if (length(args) > 2) args[3] else "both"
rd <- function(p) { t <- read.csv(paste0(p, ".csv")); y <- read.csv(paste0(p, "_labels.csv"))$Label
  list(x = sparseMatrix(i = t$row, j = t$column, x = t$value, dims = c(length(y), d)), y = factor(y)) }
tr <- rd(paste0(prefix, ".train")); te <- rd(paste0(prefix, ".test"))
cat(sprintf("train %d x %d, %d stored; %d classes\n", nrow(tr$x), ncol(tr$x), length(tr$x@x), nlevels(tr$y)))
if (what %in% c("both", "path")) {
  s <- system.time(fit <- glmnet(tr$x, tr$y, family = "multinomial"))[["elapsed"]]
  cat(sprintf("glmnet path: %.2f s, %d lambda, df %d\n", s, length(fit$lambda), fit$df[length(fit$df)]))
}
if (what %in% c("both", "cv")) {
  set.seed(1)
  s <- system.time(cv <- cv.glmnet(tr$x, tr$y, family = "multinomial"))[["elapsed"]]
  p <- predict(cv, te$x, s = "lambda.1se", type = "response")[, , 1]
  yi <- as.integer(as.character(te$y)) + 1
  acc <- mean(max.col(p) == match(as.character(te$y), colnames(p)))
  ll <- -mean(log(pmax(p[cbind(seq_along(yi), match(as.character(te$y), colnames(p)))], 1e-15)))
  cat(sprintf("cv.glmnet: %.1f s, lambda.1se %g, accuracy %.4f, log-loss %.4f\n", s, cv$lambda.1se, acc, ll))
}
