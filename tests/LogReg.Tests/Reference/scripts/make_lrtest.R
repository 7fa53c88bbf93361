# Builds lrtest.json (run once; tests never call it).
# Likelihood-ratio tests of nested logits with R's anova(reduced, full, test = "Chisq"):
# spector without tuce, and without tuce and psi; heavy_tailed without score.
# Run with Debian bookworm's r-base-core 4.2.2:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_lrtest.R tests/LogReg.Tests/Reference
out <- commandArgs(trailingOnly = TRUE)[1]
one <- function(name, drop) {
  d <- read.csv(file.path(out, paste0(name, ".csv")))
  features <- setdiff(names(d), "Label")
  control <- glm.control(epsilon = 1e-14, maxit = 100)
  full <- glm(reformulate(features, "Label"), family = binomial, data = d, control = control)
  reduced <- glm(reformulate(setdiff(features, drop), "Label"), family = binomial, data = d, control = control)
  a <- anova(reduced, full, test = "Chisq")
  sprintf('{"data": "%s", "drop": [%s], "statistic": %.17g, "df": %d, "p_value": %.17g}',
          name, paste0('"', drop, '"', collapse = ", "), a$Deviance[2], as.integer(a$Df[2]), a[["Pr(>Chi)"]][2])
}
tests <- c(one("spector", "tuce"), one("spector", c("tuce", "psi")), one("heavy_tailed", "score"))
writeLines(sprintf('{"software": {"R": "%s.%s"}, "tests": [%s]}', R.version$major, R.version$minor, paste(tests, collapse = ", ")),
           file.path(out, "lrtest.json"))
