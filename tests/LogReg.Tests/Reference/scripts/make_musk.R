# Writes musk.csv from R's kernlab (run once; tests never call it): the Musk data as kernlab ships it (476 × 166
# conformation features, 2 classes), for the multinomial path at α = 0 — near separable, where the rounds stall at its
# late λ and the joint Newton steps must take over.
# Numeric features as kernlab ships them, then Class (0 = kernlab's first level, 1 = its second).
# Run with Debian bookworm's r-base-core 4.2.2 and r-cran-kernlab:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_musk.R tests/LogReg.Tests/Reference
suppressMessages(library(kernlab))
out <- commandArgs(trailingOnly = TRUE)[1]
data(musk)
x <- musk[, 1:166]
x$Class <- as.integer(musk$Class) - 1L
write.csv(x, file.path(out, "musk.csv"), row.names = FALSE, quote = FALSE)
