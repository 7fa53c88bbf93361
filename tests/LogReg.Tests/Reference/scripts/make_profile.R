# Builds profile.json (run once; tests never call it).
# 95% profile-likelihood intervals of the unpenalised logit. "low"/"high": the exact roots of
# 2·[ℓ(β̂) − ℓ_profile(c)] = qchisq(0.95, 1), each ℓ_profile(c) an R glm refit with the coefficient fixed
# through offset(c·x), the root by uniroot(tol = 1e-12). "confint_low"/"confint_high": R's confint(glm)
# (MASS's profile method in R 4.2), which interpolates a grid with a spline and is off by up to ~2e-4.
# Intercept first. Run with Debian bookworm's r-base-core 4.2.2:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_profile.R tests/LogReg.Tests/Reference
out <- commandArgs(trailingOnly = TRUE)[1]
control <- glm.control(epsilon = 1e-14, maxit = 100)
one <- function(name) {
  d <- read.csv(file.path(out, paste0(name, ".csv")))
  features <- setdiff(names(d), "Label")
  fit <- glm(reformulate(features, "Label"), family = binomial, data = d, control = control)
  l0 <- as.numeric(logLik(fit))
  d$one <- 1
  terms <- c("one", features)
  profile <- function(j, c) {
    rest <- setdiff(terms, terms[j])
    form <- as.formula(paste("Label ~ 0 +", paste(c(rest, sprintf("offset(%.17g * %s)", c, terms[j])), collapse = " + ")))
    2 * (l0 - as.numeric(logLik(glm(form, family = binomial, data = d, control = control)))) - qchisq(0.95, 1)
  }
  se <- sqrt(diag(vcov(fit)))
  b <- coef(fit)
  bound <- function(j, side) uniroot(function(c) profile(j, c), sort(c(b[j], b[j] + side * 6 * se[j])), tol = 1e-12)$root
  low <- sapply(seq_along(b), bound, side = -1)
  high <- sapply(seq_along(b), bound, side = +1)
  ci <- suppressMessages(confint(fit, level = 0.95))
  f <- function(v) paste0("[", paste(sprintf("%.17g", unname(v)), collapse = ", "), "]")
  sprintf('"%s": {"low": %s, "high": %s, "confint_low": %s, "confint_high": %s}', name, f(low), f(high), f(ci[, 1]), f(ci[, 2]))
}
writeLines(sprintf('{"software": {"R": "%s.%s"}, %s, %s}', R.version$major, R.version$minor, one("spector"), one("heavy_tailed")),
           file.path(out, "profile.json"))
