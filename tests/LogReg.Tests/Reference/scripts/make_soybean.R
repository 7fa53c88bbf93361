# Writes soybean.csv from R's mlbench (run once; tests never call it): the Soybean data's complete cases (562 of 683
# rows, 15 of its 19 classes) with each of its 35 factors as a full set of 0/1 dummies (97 columns; no level dropped, so
# every factor's dummies sum to the intercept's column) — collinear columns, nearly separable at small λ, on which the
# multinomial path's rounds crawled. Then Class (0 … 14, mlbench's levels in order with the absent ones dropped).
# Run with Debian bookworm's r-base-core 4.2.2 and r-cran-mlbench:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_soybean.R tests/LogReg.Tests/Reference
suppressMessages(library(mlbench))
out <- commandArgs(trailingOnly = TRUE)[1]
data(Soybean)
s <- Soybean[complete.cases(Soybean), ]
f <- s[, -1]
for (n in names(f)) f[[n]] <- droplevels(factor(f[[n]]))
x <- as.data.frame(model.matrix(~ . - 1, data = f, contrasts.arg = lapply(f, contrasts, contrasts = FALSE)))
names(x) <- make.names(names(x))
x$Class <- as.integer(droplevels(s$Class)) - 1L
write.csv(x, file.path(out, "soybean.csv"), row.names = FALSE, quote = FALSE)
