# Builds glmnet.json (run once; tests never call it): glmnet's regularisation paths and a cross-validation, the
# references for issue 25 (paths and CV at glmnet's precision). pima.csv and sonar.csv come from make_mlbench.R.
# Objective (glmnet's scaling): (1/n)·Σ logloss + λ[(1 − α)/2·‖β‖² + α‖β‖₁], intercept unpenalised, with
# standardize = TRUE (penalise the standardised coefficients, report them on the original scale) unless noted.
# Paths are solved to thresh = 1e-14 (glmnet's default 1e-7 stops far from the optimum); the λ sequence is glmnet's
# own (nlambda = 100, lambda.min.ratio = 1e-4 when n > p, else 1e-2; the path stops early when the deviance ratio
# stops changing, as glmnet does). Folds for cv.glmnet are fixed: foldid = rep(1:10, length.out = n), and solved to
# thresh = 1e-20: on nearly separable sets the held-out deviance still moves by 1e-6 between thresh 1e-14 and 1e-18.
# The features are rounded to single precision first (f32): this project stores features as ML.NET does, in 32-bit
# floats, so the reference is computed on exactly the values the tests' fits see.
# Run with Debian bookworm's r-base-core 4.2.2, r-cran-glmnet 4.1-6, r-cran-jsonlite:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_glmnet.R tests/LogReg.Tests/Reference
suppressMessages({ library(glmnet); library(jsonlite) })
out <- commandArgs(trailingOnly = TRUE)[1]
read <- function(name) read.csv(file.path(out, paste0(name, ".csv")))
f32 <- function(x) { m <- matrix(readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x)), nrow(x)); colnames(m) <- colnames(x); m }

binomial_path <- function(name, alpha, standardize = TRUE) {
  d <- read(name)
  x <- f32(as.matrix(d[, setdiff(names(d), "Label")]))
  fit <- glmnet(x, d$Label, family = "binomial", alpha = alpha, standardize = standardize, thresh = 1e-14, maxit = 1e7)
  beta <- as.matrix(fit$beta)
  list(data = name, family = "binomial", alpha = alpha, standardize = standardize, lambda = fit$lambda,
       df = as.integer(fit$df), dev_ratio = fit$dev.ratio, null_dev = fit$nulldev, intercept = unname(fit$a0),
       features = rownames(beta), coefficients = unname(lapply(seq_len(ncol(beta)), function(j) unname(beta[, j]))))
}

multinomial_path <- function(name, label, alpha) {
  d <- read(name)
  x <- f32(as.matrix(d[, setdiff(names(d), label)]))
  y <- factor(d[[label]])
  fit <- glmnet(x, y, family = "multinomial", alpha = alpha, thresh = 1e-14, maxit = 1e7)
  classes <- names(fit$beta)
  list(data = name, family = "multinomial", alpha = alpha, standardize = TRUE, lambda = fit$lambda,
       dev_ratio = fit$dev.ratio, null_dev = fit$nulldev, classes = classes, features = rownames(fit$beta[[1]]),
       intercept = unname(lapply(classes, function(k) unname(fit$a0[k, ]))),
       coefficients = unname(lapply(classes, function(k) { b <- as.matrix(fit$beta[[k]]); unname(lapply(seq_len(ncol(b)), function(j) unname(b[, j]))) })))
}

# same_lambdas = FALSE is cv.glmnet's default (each fold runs its own λ sequence; predictions are interpolated at the
# full fit's λ); TRUE passes the full fit's λ sequence, so every fold is solved exactly there.
cross_validation <- function(name, alpha, measure, same_lambdas = FALSE) {
  d <- read(name)
  x <- f32(as.matrix(d[, setdiff(names(d), "Label")]))
  foldid <- rep(1:10, length.out = nrow(d))
  lambda <- if (same_lambdas) glmnet(x, d$Label, family = "binomial", alpha = alpha, thresh = 1e-14, maxit = 1e7)$lambda else NULL
  cv <- cv.glmnet(x, d$Label, family = "binomial", alpha = alpha, foldid = foldid, type.measure = measure, lambda = lambda,
                  thresh = 1e-20, maxit = 1e8)
  list(data = name, alpha = alpha, type_measure = measure, same_lambdas = same_lambdas, foldid = "rep(1:10, length.out = n)",
       lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd, nzero = as.integer(cv$nzero), lambda_min = cv$lambda.min,
       lambda_1se = cv$lambda.1se)
}

result <- list(
  software = list(R = paste(R.version$major, R.version$minor, sep = "."), glmnet = as.character(packageVersion("glmnet"))),
  paths = list(
    binomial_path("breast_cancer_wdbc", 1),
    binomial_path("breast_cancer_wdbc", 0.5),
    binomial_path("breast_cancer_wdbc", 0),
    binomial_path("spector", 1),
    binomial_path("spector", 1, standardize = FALSE),
    binomial_path("pima", 1),
    binomial_path("pima", 0.5),
    binomial_path("pima", 0),
    binomial_path("sonar", 1),
    binomial_path("sonar", 0.5),
    multinomial_path("iris", "species", 1)),
  cross_validation = list(
    cross_validation("breast_cancer_wdbc", 1, "deviance"),
    cross_validation("breast_cancer_wdbc", 1, "class"),
    cross_validation("breast_cancer_wdbc", 1, "auc"),
    cross_validation("breast_cancer_wdbc", 1, "deviance", same_lambdas = TRUE),
    cross_validation("breast_cancer_wdbc", 0.5, "class", same_lambdas = TRUE),
    cross_validation("pima", 1, "deviance"),
    cross_validation("pima", 0.5, "deviance", same_lambdas = TRUE),
    cross_validation("sonar", 1, "deviance", same_lambdas = TRUE)))
writeLines(toJSON(result, digits = I(17), auto_unbox = TRUE), file.path(out, "glmnet.json"))
