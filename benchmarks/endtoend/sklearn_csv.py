"""The peer's whole job for csv_scale.py: fit = read_csv + LogisticRegression().fit (model pickled);
predict = unpickle + read_csv + predict_proba + to_csv (score, probability, predicted label)."""
import pickle, sys
import pandas as pd
from sklearn.linear_model import LogisticRegression

mode, path, label, model = sys.argv[1:5]
df = pd.read_csv(path)
y = df.pop(label)
if mode == "fit":
    pickle.dump(LogisticRegression().fit(df.values, y.values), open(model, "wb"))
else:
    m = pickle.load(open(model, "rb"))
    p = m.predict_proba(df.values)[:, 1]
    pd.DataFrame({"Score": m.decision_function(df.values), "Probability": p, "PredictedLabel": (p > 0.5).astype(int)}).to_csv(sys.argv[5], index=False)
