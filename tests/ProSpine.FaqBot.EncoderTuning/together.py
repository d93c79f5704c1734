"""Fits SignalsTogether's weights: a logistic regression on the readings `faq-curator together` prints for tuning sets.

    faq-curator together <tuning sets> > readings.tsv
    python3 together.py readings.tsv [more readings to report on, fitted on none]

Each row is one entry read for a question no matching rule answered (the entries a signal found likeliest), labelled 1
when its line names that entry (an answerable question's own entry) and 0 otherwise (another entry, a question the FAQ
does not answer, a hand-off, small talk). The bot answers a question's likeliest entry, so the figures count questions
by the row it would answer.
Newton's method with a small ridge on the weights, so the same readings always give the same weights. It prints the
weights for SignalsTogether.Weights and, for each threshold, the questions that would be answered rightly and wrongly,
and the threshold for Matching:TogetherAnswer that maximises right answers minus three times wrong ones (a confident
wrong answer costs a patient more than a "not covered"), chosen on the first file only.
Standard library only.
"""
import math
import sys

RIDGE = 1e-2
WRONG_COST = 3
THRESHOLDS = [round(0.5 + 0.05 * i, 2) for i in range(10)]


def rows(path):
    """(question, label, readings with a leading 1) per row."""
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        first = header.index("regression")
        for line in f:
            cells = line.rstrip("\n").split("\t")
            # Every kind: a hand-off's "general information" add-on and small talk answered from the FAQ are as wrong as
            # an answer to a question the FAQ does not cover.
            yield (cells[0], cells[1]), int(cells[3]), [1.0] + [float(c) for c in cells[first:]]


def sigmoid(z):
    # Written both ways so that neither overflows on a reading far from the boundary.
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(z)
    return e / (1 + e)


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(data):
    n = len(data[0][2])
    w = [0.0] * n
    for _ in range(50):
        grad = [0.0] * n
        hess = [[0.0] * n for _ in range(n)]
        for _, y, x in data:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            s = p * (1 - p)
            for i in range(n):
                grad[i] += (p - y) * x[i]
                for j in range(n):
                    hess[i][j] += s * x[i] * x[j]
        for i in range(1, n):
            grad[i] += RIDGE * w[i]
            hess[i][i] += RIDGE
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    return w


def report(name, data, w):
    likeliest = {}
    for question, y, x in data:
        p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
        if question not in likeliest or p > likeliest[question][0]:
            likeliest[question] = (p, y)
    scored = list(likeliest.values())
    print(f"{name}: {len(scored)} undecided questions, {sum(y for _, y, _ in data)} with their entry among those read")
    gains = {}
    for t in THRESHOLDS:
        right = sum(1 for p, y in scored if p >= t and y == 1)
        wrong = sum(1 for p, y in scored if p >= t and y == 0)
        gains[t] = right - WRONG_COST * wrong
        print(f"  from {t:.2f}: {right} answered rightly, {wrong} wrongly")
    return max(THRESHOLDS, key=lambda t: (gains[t], t))


def main():
    tuning = list(rows(sys.argv[1]))
    w = fit(tuning)
    print("Weights = [" + ", ".join(f"{wi:.4f}" for wi in w) + "]")
    print(f"TogetherAnswer = {report(sys.argv[1], tuning, w):.2f}")
    for other in sys.argv[2:]:
        report(other, list(rows(other)), w)


if __name__ == "__main__":
    main()
