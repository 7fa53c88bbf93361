# Builds customers_glm.json (run once; tests never call it): R's glm on examples/data/customers.csv with
# two categorical predictors in treatment coding, the reference levels those 'logreg stats' chooses by
# default (the first level in ordinal order, skipping the blank level: City 'Austin, TX', Plan 'Basic'),
# a blank Plan as its own level '(blank)', rows with a blank Age or Income left out (R's na.omit =
# 'logreg stats' default --missing skip); CustomerId (an identifier) and Notes (free text) left out.
# Coefficient names are given in both R's spelling and this project's (City[Boise, ID]).
# Run with Debian bookworm's R 4.2.2 (r-base-core):
#   Rscript tests/LogReg.Tests/Reference/scripts/make_customers_glm.R examples/data/customers.csv tests/LogReg.Tests/Reference
args <- commandArgs(trailingOnly = TRUE)
raw <- read.csv(args[1], colClasses = c(CustomerId = "character", City = "character", Plan = "character", Notes = "character"))
plan <- ifelse(raw$Plan == "", "(blank)", raw$Plan)
ordinal <- function(x) sort(unique(x), method = "radix") # C-locale order, as .NET's ordinal comparison
d <- data.frame(City = relevel(factor(raw$City, levels = ordinal(raw$City)), ref = "Austin, TX"),
                Plan = relevel(factor(plan, levels = ordinal(plan)), ref = "Basic"),
                Age = raw$Age, Income = raw$Income, TenureMonths = raw$TenureMonths, SupportCalls = raw$SupportCalls,
                y = as.numeric(raw$Churned == "yes"))
fit <- glm(y ~ City + Plan + Age + Income + TenureMonths + SupportCalls, family = binomial, data = d,
           control = glm.control(epsilon = 1e-14, maxit = 100))
co <- coef(fit)
se <- sqrt(diag(vcov(fit)))
ours <- names(co)
for (f in c("City", "Plan")) {
  hit <- startsWith(ours, f)
  ours[hit] <- paste0(f, "[", substring(ours[hit], nchar(f) + 1), "]")
}
ours[ours == "(Intercept)"] <- "intercept"
num <- function(v) sprintf("%.17g", v)
str <- function(v) paste0("\"", gsub("\"", "\\\\\"", v), "\"")
named <- function(v) paste0("{", paste0(str(ours), ": ", num(v), collapse = ", "), "}")
json <- paste0("{\n",
  " \"software\": \"", R.version.string, "\",\n",
  " \"call\": \"glm(y ~ City + Plan + Age + Income + TenureMonths + SupportCalls, binomial, epsilon = 1e-14), na.omit\",\n",
  " \"r_names\": [", paste0(str(names(co)), collapse = ", "), "],\n",
  " \"coefficients\": ", named(co), ",\n",
  " \"se\": ", named(se), ",\n",
  " \"nobs\": ", nobs(fit), ",\n",
  " \"loglik\": ", num(as.numeric(logLik(fit))), ",\n",
  " \"deviance\": ", num(deviance(fit)), ",\n",
  " \"null_deviance\": ", num(fit$null.deviance), ",\n",
  " \"aic\": ", num(AIC(fit)), "\n}\n")
writeLines(json, file.path(args[2], "customers_glm.json"))
cat(json)
