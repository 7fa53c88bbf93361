# Builds one_hot.csv and one_hot.json (run once; tests never call it).
# Spector's data with psi one-hot encoded as two columns, psi_no + psi_yes = 1 = the intercept:
# the design [1 X] has rank 4 of 5 parameters and R's glm reports psi_yes as aliased (NA).
# Run with Debian bookworm's R 4.2.2 (r-base-core):
#   Rscript tests/LogReg.Tests/Reference/scripts/make_one_hot.R tests/LogReg.Tests/Reference
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
spector <- read.csv(file.path(out, "spector.csv"))
d <- data.frame(gpa = spector$gpa, tuce = spector$tuce,
                psi_no = as.numeric(spector$psi == 0), psi_yes = as.numeric(spector$psi == 1),
                Label = spector$Label)
write.csv(d, file.path(out, "one_hot.csv"), row.names = FALSE, quote = FALSE)
fit <- glm(Label ~ ., family = binomial, data = d, control = glm.control(epsilon = 1e-12, maxit = 100))
co <- coef(fit)
se <- sqrt(diag(vcov(fit)))
num <- function(v) sprintf("%.17g", v)
named <- function(v) paste0("{", paste0("\"", sub("\\(Intercept\\)", "intercept", names(v)), "\": ",
                                        ifelse(is.na(v), "null", num(v)), collapse = ", "), "}")
json <- paste0("{\n",
  " \"software\": \"", R.version.string, "\",\n",
  " \"call\": \"glm(Label ~ gpa + tuce + psi_no + psi_yes, binomial, epsilon = 1e-12)\",\n",
  " \"coefficients\": ", named(co), ",\n",
  " \"se\": ", named(se), ",\n",
  " \"aliased\": [", paste0("\"", names(co)[is.na(co)], "\"", collapse = ", "), "],\n",
  " \"rank\": ", fit$rank, ",\n",
  " \"loglik\": ", num(as.numeric(logLik(fit))), ",\n",
  " \"df_loglik\": ", attr(logLik(fit), "df"), ",\n",
  " \"aic\": ", num(AIC(fit)), ",\n",
  " \"bic\": ", num(BIC(fit)), ",\n",
  " \"df_residual\": ", fit$df.residual, ",\n",
  " \"df_null\": ", fit$df.null, "\n}\n")
writeLines(json, file.path(out, "one_hot.json"))
cat(json)
