# Builds firth.json (run once; tests never call it).
# Firth's bias-reduced logistic regression from R's brglm2: glm(..., method = "brglmFit",
# type = "AS_mean") — for the logit link this is Firth (1993), as logistf fits it — on the
# endometrial data (quasi-separated by NV: the MLE does not exist; Heinze & Schemper 2002's
# example) and on spector. Records coefficients and standard errors (intercept first), the
# log-likelihood at the estimate and the penalised one, ℓ + ½·ln|XᵀWX|.
# Run with Debian bookworm's r-base-core 4.2.2 and r-cran-brglm2:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_firth.R tests/LogReg.Tests/Reference
library(brglm2)
out <- commandArgs(trailingOnly = TRUE)[1]
one <- function(name) {
  d <- read.csv(file.path(out, paste0(name, ".csv")))
  features <- setdiff(names(d), "Label")
  fit <- glm(reformulate(features, "Label"), family = binomial, data = d, method = "brglmFit", type = "AS_mean", epsilon = 1e-12, maxit = 500)
  X <- model.matrix(fit)
  p <- fitted(fit)
  ll <- sum(d$Label * log(p) + (1 - d$Label) * log(1 - p))
  penalised <- ll + 0.5 * as.numeric(determinant(t(X) %*% (X * (p * (1 - p))), logarithm = TRUE)$modulus)
  f <- function(v) paste0("[", paste(sprintf("%.17g", unname(v)), collapse = ", "), "]")
  sprintf('"%s": {"coefficients": %s, "se": %s, "log_likelihood": %.17g, "penalized_log_likelihood": %.17g, "converged": %s}',
          name, f(coef(fit)), f(sqrt(diag(vcov(fit)))), ll, penalised, tolower(fit$converged))
}
writeLines(sprintf('{"software": {"R": "%s.%s", "brglm2": "%s"}, %s, %s}', R.version$major, R.version$minor,
                   as.character(packageVersion("brglm2")), one("endometrial"), one("spector")), file.path(out, "firth.json"))
