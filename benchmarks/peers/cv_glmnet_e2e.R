# cv.glmnet end to end as an R user runs it, for the README's comparison with `logreg cv` (time both with /usr/bin/time):
#   Rscript benchmarks/peers/cv_glmnet_e2e.R sonar.csv Class    (files from mlbench via write.csv)
suppressMessages(library(glmnet))
a <- commandArgs(TRUE); d <- read.csv(a[1]); y <- factor(d[[a[2]]]); x <- as.matrix(d[, names(d) != a[2]])
fam <- if (nlevels(y) > 2) "multinomial" else "binomial"
set.seed(1); cv <- cv.glmnet(x, y, family = fam)
cat(a[1], "lambda.1se", cv$lambda.1se, "\n")
