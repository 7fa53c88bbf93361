# Builds robust.json (run once; tests never call it).
# Heteroscedasticity-consistent (HC0, HC1, HC3) and cluster-robust (CR1) standard errors of the
# unpenalised logit, from R's glm(binomial) and the sandwich package: vcovHC(fit, type = ...) and
# vcovCL(fit, cluster = ~g) with its defaults (for a glm: type "HC0" and cadjust = TRUE, i.e. the
# factor G/(G-1); statsmodels' cov_type="cluster" also multiplies by (n-1)/(n-k)).
# Clusters: g = (row index, 0-based) mod 8 for spector, mod 30 for heavy_tailed.
# Coefficients in the order intercept, then the features. Run with Debian bookworm's
# r-base-core 4.2.2 and r-cran-sandwich 3.0-2:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_robust.R tests/LogReg.Tests/Reference
library(sandwich)
out <- commandArgs(trailingOnly = TRUE)[1]
one <- function(name, groups) {
  d <- read.csv(file.path(out, paste0(name, ".csv")))
  d$g <- (seq_len(nrow(d)) - 1) %% groups
  features <- setdiff(names(d), c("Label", "g"))
  fit <- glm(reformulate(features, "Label"), family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
  se <- function(v) unname(sqrt(diag(v)))
  list(clusters = groups, coefficients = unname(coef(fit)),
       nonrobust = se(vcov(fit)),
       hc0 = se(vcovHC(fit, type = "HC0")), hc1 = se(vcovHC(fit, type = "HC1")), hc3 = se(vcovHC(fit, type = "HC3")),
       cluster = se(vcovCL(fit, cluster = ~g)))
}
result <- list(software = list(R = paste(R.version$major, R.version$minor, sep = "."), sandwich = as.character(packageVersion("sandwich"))),
               spector = one("spector", 8), heavy_tailed = one("heavy_tailed", 30))
writeLines((function(x) {
  enc <- function(v) if (is.list(v)) paste0("{", paste(sprintf('"%s": %s', names(v), sapply(v, enc)), collapse = ", "), "}")
                     else if (is.character(v)) sprintf('"%s"', v)
                     else if (length(v) == 1) sprintf("%.17g", v)
                     else paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
  enc(x)
})(result), file.path(out, "robust.json"))
