# HouseVotes84 (mlbench 2.1-3, Debian r-cran-mlbench) as a spreadsheet export: each of the 16 votes a
# factor with levels n (reference), y and "(blank)" for a missing vote, one-hot encoded by model.matrix
# (32 indicator columns), Label = 1 for republican. 435 rows. The data are completely separated
# (R's glm: every fitted probability numerically 0 or 1); see make_housevotes_verdict.py for the LP verdict.
# Run once: Rscript scripts/make_housevotes.R  (writes housevotes84_blank.csv next to this folder)
library(mlbench)
data(HouseVotes84)
d <- HouseVotes84
votes <- setdiff(names(d), "Class")
for (v in votes) {
  x <- as.character(d[[v]])
  x[is.na(x)] <- "(blank)"
  d[[v]] <- factor(x, levels = c("n", "y", "(blank)"))
}
m <- model.matrix(~ ., d[votes])[, -1]
colnames(m) <- gsub("[()]", "", gsub("\\(blank\\)", "_blank", colnames(m)))
out <- data.frame(m, Label = as.integer(d$Class == "republican"), check.names = FALSE)
write.csv(out, file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "..", "housevotes84_blank.csv"), row.names = FALSE, quote = FALSE)
