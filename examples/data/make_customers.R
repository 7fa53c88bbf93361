# Builds customers.csv: a synthetic customer table shaped like the ones people export from a CRM
# (an ID, a city with a comma in it, a plan as a string, blanks in Age, Income and Plan, free-text
# notes with commas and quotes, a yes/no label). Synthetic so it can be shipped and regenerated:
# the churn probability follows a known logistic model (below), so the fitted coefficients can be
# checked for sense as well as against R. Run once with Debian bookworm's R 4.2.2 (r-base-core):
#   Rscript examples/data/make_customers.R examples/data/customers.csv
args <- commandArgs(trailingOnly = TRUE)
set.seed(20261128)
n <- 600
cities <- c("Austin, TX", "Boise, ID", "Columbus, OH", "Denver, CO", "Portland, OR")
city <- sample(cities, n, replace = TRUE, prob = c(0.30, 0.15, 0.20, 0.20, 0.15))
plan <- sample(c("Basic", "Plus", "Pro"), n, replace = TRUE, prob = c(0.5, 0.3, 0.2))
age <- round(pmin(pmax(rnorm(n, 43, 13), 18), 88))
income <- round(exp(rnorm(n, log(62), 0.45)), 1)
tenure <- round(rexp(n, 1 / 28)) + 1
calls <- rpois(n, 1.6)
phrases <- c("asked about pricing", "billing error, refunded", "wants a discount", "happy with service",
             "app is slow", "moved house", "upgraded plan", "called support twice",
             "considering a competitor", "referred a friend", "late payment", "requested a callback",
             "said \"too expensive\"", "praised the new dashboard")
notes <- vapply(seq_len(n), function(i) {
  k <- sample(1:2, 1)
  paste(sample(phrases, k), collapse = "; ")
}, "")
notes[runif(n) < 0.35] <- ""
eta <- -0.6 + c(Basic = 0, Plus = -0.5, Pro = -1.1)[plan] +
  c(0, 0.4, 0.6, -0.3, 0.1)[match(city, cities)] -
  0.025 * (age - 43) - 0.012 * (income - 62) - 0.03 * tenure + 0.35 * calls +
  0.9 * grepl("competitor", notes)
churned <- ifelse(runif(n) < plogis(eta), "yes", "no")
# Blanks, as an export writes missing values.
plan[runif(n) < 0.04] <- ""
age_text <- ifelse(runif(n) < 0.06, "", format(age, trim = TRUE))
income_text <- ifelse(runif(n) < 0.08, "", format(income, trim = TRUE, nsmall = 1))
quote <- function(x) ifelse(grepl("[,\"]", x), paste0("\"", gsub("\"", "\"\"", x), "\""), x)
lines <- paste(sprintf("C%05d", seq_len(n)), quote(city), plan, age_text, income_text, tenure, calls,
               quote(notes), churned, sep = ",")
writeLines(c("CustomerId,City,Plan,Age,Income,TenureMonths,SupportCalls,Notes,Churned", lines), args[1])
