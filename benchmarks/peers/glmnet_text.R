# glmnet's multinomial path and cv.glmnet on the text check's rows (benchmarks/LogReg.Benchmarks/TextCvCheck.cs), for
# the README's comparison: times (one run each, after reading), held-out micro accuracy and log-loss at lambda.1se.
#   dotnet run -c Release --project benchmarks/LogReg.Benchmarks -- --export-text /tmp/text
#   Rscript benchmarks/peers/glmnet_text.R /tmp/text
# Folds rep(1:10, length.out = n) (ours are stratified and seeded, so the chosen λ may differ a step).
suppressMessages({library(glmnet); library(Matrix)})
dir <- commandArgs(TRUE)[1]
read_set <- function(name, rows) {
  t <- read.csv(file.path(dir, paste0(name, ".csv")), header = FALSE)
  list(x = sparseMatrix(i = t$V1, j = t$V2, x = t$V3, dims = c(rows, 5000)),
       y = scan(file.path(dir, paste0(name, "-labels.csv")), quiet = TRUE))
}
train_y <- scan(file.path(dir, "train-labels.csv"), quiet = TRUE)
test_y <- scan(file.path(dir, "test-labels.csv"), quiet = TRUE)
train <- read_set("train", length(train_y)); test <- read_set("test", length(test_y))
y <- factor(train$y)
foldid <- rep(1:10, length.out = length(train_y))
for (standardize in c(TRUE, FALSE)) {
  path_time <- system.time(f <- glmnet(train$x, y, family = "multinomial", standardize = standardize))[["elapsed"]]
  cv_time <- system.time(cv <- cv.glmnet(train$x, y, family = "multinomial", foldid = foldid, standardize = standardize))[["elapsed"]]
  p <- predict(cv, test$x, s = "lambda.1se", type = "response")[, , 1]
  cat(sprintf("standardize=%s  path %d λ %.1f s  cv.glmnet %.1f s  lambda.1se %.6g  micro accuracy %.4f  log-loss %.4f\n",
              standardize, length(f$lambda), path_time, cv_time, cv$lambda.1se,
              mean(max.col(p) - 1 == test$y), -mean(log(p[cbind(seq_along(test$y), test$y + 1)]))))
}
