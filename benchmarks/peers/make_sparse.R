# Writes benchmarks/data/sparse.csv (triplets: row,column,value, 1-based) and sparse_labels.csv for the sparse path
# benchmark (PathBenchmarks, glmnet_timing.R): 20,000 rows × 2,000 columns, 400,000 draws of a position (duplicates
# dropped), values in 0.1…3.1 rounded to single precision; labels from a logistic model on the first 50 columns.
#   Rscript benchmarks/peers/make_sparse.R
suppressMessages(library(Matrix))
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1])
out <- file.path(normalizePath(file.path(dirname(script), "..")), "data")
dir.create(out, showWarnings = FALSE)
set.seed(1)
n <- 20000; p <- 2000
i <- sample(n, 400000, replace = TRUE); j <- sample(p, 400000, replace = TRUE)
keep <- !duplicated(cbind(i, j)); i <- i[keep]; j <- j[keep]
v <- readBin(writeBin(round(runif(length(i), 0.1, 3.1), 1), raw(), size = 4), "double", size = 4, n = length(i))
x <- sparseMatrix(i = i, j = j, x = v, dims = c(n, p))
beta <- c(rnorm(50, sd = 0.8), rep(0, p - 50))
y <- rbinom(n, 1, plogis(as.vector(x %*% beta) - 0.5))
write.csv(data.frame(row = i, column = j, value = v), file.path(out, "sparse.csv"), row.names = FALSE)
write.csv(data.frame(Label = y), file.path(out, "sparse_labels.csv"), row.names = FALSE)
cat(sprintf("sparse.csv: %d x %d, %d stored values, %d positives\n", n, p, length(i), sum(y)))
