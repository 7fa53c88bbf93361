# Writes vowel.csv from R's mlbench (run once; tests never call it): Deterding's vowel recognition data (990 × 10,
# 11 classes), for the multinomial path's early stop — its last λ are solved by the rounds at slow rates.
# Numeric features as mlbench ships them (V1, a factor of numbers, as its numbers), then Class (0–10, mlbench's order).
# Run with Debian bookworm's r-base-core 4.2.2 and r-cran-mlbench 2.1-3:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_vowel.R tests/LogReg.Tests/Reference
suppressMessages(library(mlbench))
out <- commandArgs(trailingOnly = TRUE)[1]
data(Vowel)
x <- Vowel[, setdiff(names(Vowel), "Class")]
x[] <- lapply(x, function(v) as.numeric(as.character(v)))
x$Class <- as.integer(Vowel$Class) - 1L
write.csv(x, file.path(out, "vowel.csv"), row.names = FALSE, quote = FALSE)
