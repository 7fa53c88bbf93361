# cv.glmnet end to end as an R user runs it, for the README's comparison with `logreg cv` (time both with /usr/bin/time):
#   Rscript benchmarks/peers/cv_glmnet_e2e.R sonar.csv Class           (files from mlbench via write.csv)
#   Rscript benchmarks/peers/cv_glmnet_e2e.R tic.csv CARAVAN sparse    (string columns one-hot, treatment coding as
#                                                                        logreg's; "sparse": sparse.model.matrix)
suppressMessages(library(glmnet))
a <- commandArgs(TRUE); d <- read.csv(a[1], stringsAsFactors = TRUE); y <- factor(d[[a[2]]])
features <- d[, names(d) != a[2], drop = FALSE]
x <- if (all(sapply(features, is.numeric))) as.matrix(features) else {
  options(contrasts = c("contr.treatment", "contr.treatment"))
  if (isTRUE(a[3] == "sparse")) sparse.model.matrix(~ ., features)[, -1] else model.matrix(~ ., features)[, -1]
}
fam <- if (nlevels(y) > 2) "multinomial" else "binomial"
set.seed(1); cv <- cv.glmnet(x, y, family = fam)
cat(a[1], ncol(x), "columns; lambda.1se", cv$lambda.1se, "\n")
