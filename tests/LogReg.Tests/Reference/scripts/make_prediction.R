# Builds prediction.json (run once; tests never call it).
# Uncertainty of predictions and a joint Wald test from R's glm(binomial) on spector:
# predict(fit, type = "link", se.fit = TRUE) for the first 5 rows (the interval is plogis(eta ± qnorm(0.975)·se)),
# and W = b_Sᵀ V_S⁻¹ b_S for S = {tuce, psi} with its χ²(2) p-value.
# Run with Debian bookworm's r-base-core 4.2.2:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_prediction.R tests/LogReg.Tests/Reference
out <- commandArgs(trailingOnly = TRUE)[1]
d <- read.csv(file.path(out, "spector.csv"))
fit <- glm(Label ~ gpa + tuce + psi, family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))
p <- predict(fit, newdata = d[1:5, ], type = "link", se.fit = TRUE)
z <- qnorm(0.975)
s <- c("tuce", "psi")
b <- coef(fit)[s]
w <- as.numeric(t(b) %*% solve(vcov(fit)[s, s]) %*% b)
f <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
writeLines(sprintf('{"software": {"R": "%s.%s"}, "rows": [0, 1, 2, 3, 4], "eta": %s, "se": %s, "low": %s, "high": %s, "wald": {"names": ["tuce", "psi"], "statistic": %.17g, "df": 2, "p_value": %.17g}}',
  R.version$major, R.version$minor, f(unname(p$fit)), f(unname(p$se.fit)), f(plogis(unname(p$fit) - z * unname(p$se.fit))), f(plogis(unname(p$fit) + z * unname(p$se.fit))),
  w, pchisq(w, 2, lower.tail = FALSE)), file.path(out, "prediction.json"))
