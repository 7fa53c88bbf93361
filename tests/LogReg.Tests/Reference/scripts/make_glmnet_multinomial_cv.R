# Builds glmnet_multinomial_cv.json (run once; tests never call it): cv.glmnet's curve for the multinomial family, the
# reference for issue 25's "with fixed fold ids, the CV curve equals cv.glmnet's (deviance)" on the softmax path.
# Data: iris.csv (this folder) and vehicle.csv (mlbench's Vehicle, 846 x 18, 4 classes, written by make_mlbench.R);
# features rounded to single precision first (f32), as this project stores them. Folds fixed:
# foldid = rep(1:10, length.out = n); type.measure = "deviance"; lambda.min.ratio = 1e-2 (below it iris's setosa is
# nearly separated and glmnet stops with error -95/-97, maxit reached at thresh 1e-16); thresh = 1e-16 (glmnet's multinomial rounds converge
# linearly; its default 1e-7 stops far from the optimum). same_lambdas = TRUE passes the full fit's λ sequence, so every
# fold is solved exactly there; FALSE is cv.glmnet's default (each fold its own sequence, predictions interpolated).
# Run with Debian bookworm's r-base-core 4.2.2, r-cran-glmnet 4.1-6, r-cran-jsonlite:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_glmnet_multinomial_cv.R tests/LogReg.Tests/Reference
suppressMessages({ library(glmnet); library(jsonlite) })
out <- commandArgs(trailingOnly = TRUE)[1]
f32 <- function(x) { m <- matrix(readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x)), nrow(x)); colnames(m) <- colnames(x); m }

cross_validation <- function(name, label, alpha, same_lambdas) {
  d <- read.csv(file.path(out, paste0(name, ".csv")))
  x <- f32(as.matrix(d[, setdiff(names(d), label)]))
  y <- factor(d[[label]])
  foldid <- rep(1:10, length.out = nrow(d))
  lambda <- if (same_lambdas) glmnet(x, y, family = "multinomial", alpha = alpha, lambda.min.ratio = 1e-2, thresh = 1e-16, maxit = 1e7)$lambda else NULL
  cv <- cv.glmnet(x, y, family = "multinomial", alpha = alpha, foldid = foldid, type.measure = "deviance", lambda = lambda,
                  lambda.min.ratio = 1e-2, thresh = 1e-16, maxit = 1e7)
  list(data = name, label = label, alpha = alpha, type_measure = "deviance", same_lambdas = same_lambdas,
       foldid = "rep(1:10, length.out = n)", classes = levels(y), lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd,
       lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se, lambda_min_ratio = 1e-2)
}

result <- list(
  software = list(R = paste(R.version$major, R.version$minor, sep = "."), glmnet = as.character(packageVersion("glmnet"))),
  cross_validation = list(
    cross_validation("iris", "species", 1, same_lambdas = TRUE),
    cross_validation("iris", "species", 0.5, same_lambdas = TRUE),
    cross_validation("iris", "species", 1, same_lambdas = FALSE)))
writeLines(toJSON(result, digits = I(17), auto_unbox = TRUE), file.path(out, "glmnet_multinomial_cv.json"))
