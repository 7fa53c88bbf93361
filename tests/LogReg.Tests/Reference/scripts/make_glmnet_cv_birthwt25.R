# Builds birthwt25.csv and glmnet_cv_birthwt25.json (run once; tests never call it): 'logreg cv' on a file R's write.csv
# wrote (quoted header, an unnamed row-names column, integer 0/1 columns, a fold column) against cv.glmnet on the same
# file read back with read.csv — 25 rows in 10 folds, so cv.glmnet takes its errors over the rows (grouped = FALSE).
# Both alignments: cv.glmnet's default (each fold's own lambda sequence) and the full path's lambdas given to every fold.
# Run with Debian bookworm's r-base-core 4.2.2, r-cran-glmnet 4.1-6, r-cran-mass, r-cran-jsonlite:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_glmnet_cv_birthwt25.R tests/LogReg.Tests/Reference
suppressMessages({ library(MASS); library(glmnet); library(jsonlite) })
out <- commandArgs(trailingOnly = TRUE)[1]
set.seed(4)
d <- birthwt[sort(sample(nrow(birthwt), 25)), c("low", "age", "lwt", "smoke", "ht", "ui")]
d$fold <- rep(1:10, length.out = 25)
write.csv(d, file.path(out, "birthwt25.csv"))
d <- read.csv(file.path(out, "birthwt25.csv"), row.names = 1)
x <- as.matrix(d[, c("age", "lwt", "smoke", "ht", "ui")])
run <- function(lambda) {
  cv <- withCallingHandlers(
    cv.glmnet(x, d$low, family = "binomial", foldid = d$fold, lambda = lambda, thresh = 1e-20, maxit = 1e8),
    warning = function(w) { message("warning: ", conditionMessage(w)); invokeRestart("muffleWarning") })
  list(lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd, lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se)
}
full <- glmnet(x, d$low, family = "binomial", thresh = 1e-20, maxit = 1e8)$lambda
result <- list(
  software = list(R = paste(R.version$major, R.version$minor, sep = "."), glmnet = as.character(packageVersion("glmnet"))),
  data = "MASS::birthwt, set.seed(4), 25 sorted random rows, columns low age lwt smoke ht ui, fold = rep(1:10, length.out = 25)",
  interpolated = run(NULL), same = run(full))
writeLines(toJSON(result, digits = I(17), auto_unbox = TRUE), file.path(out, "glmnet_cv_birthwt25.json"))
