# Writes ozone4.csv from R's mlbench (run once; tests never call it), as an outside tester built it: the Ozone rows with
# a daily maximum (V4; 361 of 366), the 9 numeric measurements with a missing value set to its column's median, then
# month, day of month and weekday each as a full set of 0/1 dummies (12 + 31 + 7; no level dropped), then Class: V4 cut
# at 5, 10 and 17 into 0 … 3. A lasso path over 4 classes and 59 columns, solved by the joint Newton steps.
# Run with Debian bookworm's r-base-core 4.2.2 and r-cran-mlbench:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_ozone4.R tests/LogReg.Tests/Reference
suppressMessages(library(mlbench))
out <- commandArgs(trailingOnly = TRUE)[1]
data(Ozone)
oz <- Ozone[!is.na(Ozone$V4), ]
numeric <- sapply(oz[, 5:13], function(v) { v <- as.numeric(v); v[is.na(v)] <- median(v, na.rm = TRUE); v })
dummies <- function(f, name) { f <- factor(f); m <- sapply(levels(f), function(l) as.numeric(f == l)); colnames(m) <- paste0(name, levels(f)); m }
x <- data.frame(numeric, dummies(oz$V1, "month"), dummies(oz$V2, "day"), dummies(oz$V3, "weekday"))
x$Class <- as.integer(cut(oz$V4, c(-Inf, 5, 10, 17, Inf))) - 1L
write.csv(x, file.path(out, "ozone4.csv"), row.names = FALSE, quote = FALSE)
