# pandas' to_csv of R's file: NaN as a blank cell, the index as an unnamed first column (pandas 1.5.3).
import pandas as pd
pd.read_csv("pima2_r.csv", index_col=0).to_csv("pima2_pandas.csv")
