# Reference for columns far from 0 (issue 22): offset_columns.csv and R's glm on its values rounded to single
# precision (as the library stores features), written to offset_columns.json.
# Run from tests/LogReg.Tests/Reference:  Rscript scripts/make_offset_columns.R   (R 4.2.2, Debian r-base-core)
set.seed(20261202)
n <- 400
x <- round(rnorm(n), 4)
t <- 1700000000 + round(runif(n, -2500, 2500))          # Unix times over ~1.4 hours
e6 <- round(1e6 + rnorm(n, 0, 0.05), 4)                 # 1e6 + noise spread over a few single-precision steps
z <- 0.4 * x + (t - 1700000000) / 2000 + 8 * (e6 - 1e6)
y <- as.integer(runif(n) < 1 / (1 + exp(-z)))
d <- data.frame(x = x, t = sprintf("%.0f", t), e6 = sprintf("%.4f", e6), Label = y)
write.csv(d, "offset_columns.csv", row.names = FALSE, quote = FALSE)
f32 <- function(v) readBin(writeBin(v, raw(), size = 4), "double", size = 4, n = length(v))
X <- cbind(x = f32(x), t = f32(as.numeric(d$t)), e6 = f32(as.numeric(d$e6)))
g <- glm(Label ~ X, data = d, family = binomial, control = glm.control(epsilon = 1e-12, maxit = 100))
s <- summary(g)$coefficients
num <- function(v) paste(sprintf("%.17g", v), collapse = ", ")
writeLines(c("{",
  '  "source": "R 4.2.2 glm(Label ~ x + t + e6, binomial) on the CSV values rounded to single precision (scripts/make_offset_columns.R)",',
  '  "names": ["intercept", "x", "t", "e6"],',
  paste0('  "estimates": [', num(s[, 1]), "],"),
  paste0('  "standard_errors": [', num(s[, 2]), "],"),
  paste0('  "log_likelihood": ', sprintf("%.17g", as.numeric(logLik(g)))),
  "}"), "offset_columns.json")
