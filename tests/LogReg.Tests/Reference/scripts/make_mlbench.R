# Writes pima.csv and sonar.csv from R's mlbench (run once; tests never call it), for issue 25's glmnet parity on
# real data beyond breast cancer and spector: numeric features as mlbench ships them, then Label (0/1).
#   PimaIndiansDiabetes (768 × 8): Label 1 = diabetes "pos".   Sonar (208 × 60): Label 1 = "M" (metal cylinder).
# Run with Debian bookworm's r-base-core 4.2.2 and r-cran-mlbench 2.1-3:
#   Rscript tests/LogReg.Tests/Reference/scripts/make_mlbench.R tests/LogReg.Tests/Reference
suppressMessages(library(mlbench))
out <- commandArgs(trailingOnly = TRUE)[1]
write_set <- function(frame, label, positive, file) {
  x <- frame[, setdiff(names(frame), label)]
  x[] <- lapply(x, function(v) as.numeric(as.character(v)))
  x$Label <- as.integer(frame[[label]] == positive)
  write.csv(x, file.path(out, file), row.names = FALSE, quote = FALSE)
}
data(PimaIndiansDiabetes); write_set(PimaIndiansDiabetes, "diabetes", "pos", "pima.csv")
data(Sonar); write_set(Sonar, "Class", "M", "sonar.csv")
