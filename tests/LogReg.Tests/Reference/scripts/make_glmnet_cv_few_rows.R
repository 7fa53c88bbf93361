# Builds glmnet_cv_few_rows.json (run once; tests never call it): cv.glmnet where there are fewer than 3 rows a fold,
# where it takes its standard errors over the held-out rows instead of the folds ("Option grouped=FALSE enforced in
# cv.glmnet, since < 3 observations per fold"). Same conventions as make_glmnet.R: features rounded to single precision,
# thresh = 1e-20, fixed folds foldid = rep(1:folds, length.out = n).
# Run with Debian bookworm's r-base-core 4.2.2, r-cran-glmnet 4.1-6, r-cran-jsonlite:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_glmnet_cv_few_rows.R tests/LogReg.Tests/Reference
suppressMessages({ library(glmnet); library(jsonlite) })
out <- commandArgs(trailingOnly = TRUE)[1]
f32 <- function(x) { m <- matrix(readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x)), nrow(x)); colnames(m) <- colnames(x); m }
# rows: which rows of the file (1-based), label: the label column, family: binomial or multinomial.
# weights: per row (NULL: all 1); a fold whose rows all weigh 0 still counts its rows in N.
case <- function(name, rows, label, family, folds, alpha, measure, same_lambdas, weights = NULL) {
  d <- read.csv(file.path(out, paste0(name, ".csv")))[rows, ]
  x <- f32(as.matrix(d[, setdiff(names(d), label)]))
  y <- if (family == "binomial") d[[label]] else factor(d[[label]])
  foldid <- rep(1:folds, length.out = nrow(d))
  w <- if (is.null(weights)) rep(1, nrow(d)) else weights
  lambda <- if (same_lambdas) glmnet(x, y, family = family, alpha = alpha, weights = w, thresh = 1e-14, maxit = 1e7)$lambda else NULL
  cv <- withCallingHandlers(
    cv.glmnet(x, y, family = family, alpha = alpha, weights = w, foldid = foldid, type.measure = measure, lambda = lambda, thresh = 1e-20,
              maxit = 1e8),
    warning = function(w) { message("warning: ", conditionMessage(w)); invokeRestart("muffleWarning") })
  list(data = name, rows = rows, weights = w, family = family, folds = folds, alpha = alpha, type_measure = measure, same_lambdas = same_lambdas,
       foldid = sprintf("rep(1:%d, length.out = n)", folds), lambda = cv$lambda, cvm = cv$cvm, cvsd = cv$cvsd,
       lambda_min = cv$lambda.min, lambda_1se = cv$lambda.1se)
}
result <- list(
  software = list(R = paste(R.version$major, R.version$minor, sep = "."), glmnet = as.character(packageVersion("glmnet"))),
  cross_validation = list(
    case("spector", 1:32, "Label", "binomial", 16, 1, "deviance", TRUE),
    case("spector", 1:32, "Label", "binomial", 12, 0.5, "class", FALSE),
    case("pima", 1:28, "Label", "binomial", 10, 0, "deviance", TRUE),
    case("iris", seq(1, 150, by = 5), "species", "multinomial", 12, 0, "deviance", TRUE),
    # Fold 1 (rows 1 and 17) weighs 0, the others 1, 2 or 3.
    case("spector", 1:32, "Label", "binomial", 16, 0.5, "deviance", TRUE, weights = ifelse((0:31) %% 16 == 0, 0, 1 + (0:31) %% 3))))
writeLines(toJSON(result, digits = I(17), auto_unbox = TRUE), file.path(out, "glmnet_cv_few_rows.json"))
