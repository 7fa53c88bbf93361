# Files as R, pandas and a spreadsheet write one data set, for the CLI's reading tests (ConventionsCliTests).
# Run once from this folder: Rscript make_conventions.R && python3 make_pandas.py   (R 4.2.2, mlbench 2.1-3)
library(mlbench)
data(PimaIndiansDiabetes2)
d <- PimaIndiansDiabetes2
write.csv(d, "pima2_r.csv")                                   # R's defaults: row names, NA, quoted factor
write.csv2(d, "pima2_spreadsheet.csv", na = "", row.names = FALSE)  # ';' between cells, decimal comma, blanks
clean <- na.omit(d)
write.csv(clean, "pima2_clean.csv", row.names = FALSE)
fit <- glm(diabetes ~ ., family = binomial, data = clean)
s <- summary(fit)$coefficients
out <- data.frame(term = rownames(s), estimate = sprintf("%.17g", s[, 1]), se = sprintf("%.17g", s[, 2]))
write.csv(out, "pima2_glm.csv", row.names = FALSE, quote = FALSE)
data(BreastCancer)
write.csv(BreastCancer[1:200, ], "breastcancer_r.csv", row.names = FALSE)  # Id: 200 rows, whole numbers, nearly all distinct
cat(R.version.string, "mlbench", as.character(packageVersion("mlbench")), "\n")
