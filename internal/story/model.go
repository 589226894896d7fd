package story

import "math"

// nSignals is the number of inputs of a model.
const nSignals = 12

// model is a logistic model of the probability that an article belongs to
// a cluster, over the signals of their comparison.
type model struct {
	bias float64
	w    [nSignals]float64
}

// uses reports whether any of the given inputs has a weight.
func (m *model) uses(inputs ...int) bool {
	for _, i := range inputs {
		if m.w[i] != 0 {
			return true
		}
	}
	return false
}

// allInputs is a model that uses every input; measuring with it computes
// every signal (for fitting).
var allInputs = model{w: [nSignals]float64{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}}

func (m *model) prob(x *[nSignals]float64) float64 {
	z := m.bias
	for i, v := range x {
		z += m.w[i] * v
	}
	return 1 / (1 + math.Exp(-z))
}

// signals are the model inputs: similarities, indicators of which
// channels both sides have, and time and size terms. The time terms are
// the distance from the article to the cluster's mean date (which keeps a
// story from drifting along a chain of look-alike events) and to its span.
// The share of the story's articles from the article's own outlet is one
// too: an outlet's reports look alike (its templates, its beat), so a
// match with its own earlier reports is weaker evidence.
// Whether the two sides are dated is not an input: in the training data
// only one set is undated, so such an input learns the set, not the news.
func (pt parts) signals() [nSignals]float64 {
	var x [nSignals]float64
	x[0] = pt.terms
	x[1] = pt.termsCos
	x[2] = pt.names
	x[3] = pt.nums
	x[4] = pt.title
	x[5] = b2f(pt.hasNames)
	x[6] = b2f(pt.hasTitle)
	if pt.dated {
		x[7] = math.Log1p(max(0, pt.centreDays-gapGrace))
		x[8] = math.Log1p(max(0, pt.gapDays-gapGrace))
	}
	x[9] = math.Log(float64(max(1, pt.size)))
	x[10] = pt.names * pt.terms
	x[11] = pt.sameOutlet
	return x
}

// gapGrace is the distance in time, in days, that costs nothing: the
// coverage of one event spreads over a news cycle or two.
var gapGrace = 2.0

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
