# Builds glmnet_tight.json (run once; tests never call it): glmnet's paths solved close enough to their optimum that a
# coefficient comparison to 1e-6 tests the path, not glmnet's stopping. At the issue's thresh = 1e-14 glmnet's lasso and
# elastic-net coefficients on breast cancer and sonar are still 1e-5 to 4e-4 (relative to the largest) from where its
# own thresh = 1e-22 solve of the same λ ends; on pima 3e-8. So: glmnet's own λ sequence (thresh 1e-14, its defaults),
# then for α = 1 and 0.5 the same λ solved again at thresh = 1e-22; for α = 0 the thresh 1e-14 path itself (its points
# move by at most 2e-14 at 1e-22, except the first, which glmnet's own ridge sequence reports as all zeros at the λ_max
# of α = 0.001 and a refit at that λ does not).
# Features rounded to single precision (as this project stores them). Sets: breast_cancer_wdbc, pima, sonar (the CSVs
# of make_mlbench.R and the breast-cancer reference), α = 1, 0.5, 0, standardize = TRUE.
# Run with Debian bookworm's r-base-core 4.2.2, r-cran-glmnet 4.1-6, r-cran-jsonlite:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_glmnet_tight.R tests/LogReg.Tests/Reference
suppressMessages({ library(glmnet); library(jsonlite) })
out <- commandArgs(trailingOnly = TRUE)[1]
f32 <- function(x) { m <- matrix(readBin(writeBin(as.double(x), raw(), size = 4), "double", size = 4, n = length(x)), nrow(x)); colnames(m) <- colnames(x); m }

tight_path <- function(name, alpha) {
  d <- read.csv(file.path(out, paste0(name, ".csv")))
  x <- f32(as.matrix(d[, setdiff(names(d), "Label")]))
  own <- glmnet(x, d$Label, family = "binomial", alpha = alpha, thresh = 1e-14, maxit = 1e7)
  thresh <- if (alpha > 0) 1e-22 else 1e-14
  fit <- if (alpha > 0) glmnet(x, d$Label, family = "binomial", alpha = alpha, lambda = own$lambda, thresh = thresh, maxit = 1e8) else own
  beta <- as.matrix(fit$beta)
  list(data = name, alpha = alpha, thresh = thresh, lambda = own$lambda, intercept = unname(fit$a0),
       coefficients = unname(lapply(seq_len(ncol(beta)), function(j) unname(beta[, j]))))
}

paths <- list()
for (name in c("breast_cancer_wdbc", "pima", "sonar")) for (alpha in c(1, 0.5, 0)) paths[[length(paths) + 1]] <- tight_path(name, alpha)
result <- list(software = list(R = paste(R.version$major, R.version$minor, sep = "."), glmnet = as.character(packageVersion("glmnet"))),
               paths = paths)
writeLines(toJSON(result, digits = I(17), auto_unbox = TRUE), file.path(out, "glmnet_tight.json"))
