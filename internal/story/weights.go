package story

// eventModel was fitted by TestTrainModels (go test -run TestTrainModels
// -train ./internal/story) on the ECB+ training topics (the standard split:
// all but the dev and test topics) replayed undated, and on half of the
// GVA incidents (by a hash of the incident id) replayed by date, the two
// sets weighted equally. Inputs are listed in parts.signals.
var eventModel = model{bias: -4.4751, w: [nSignals]float64{-2.6744, 8.6123, 14.3536, 5.1860, 5.4268, -2.1072, 1.8816, -0.3960, -0.9962, -0.2662, -9.3797, -1.6105}}

// lineModel is set by hand: ECB+, the only set with storylines, has too few
// of them to fit one (fewer than 30 storyline joins in its training topics).
// It is 0.5 when 0.7 times the terms similarity plus 0.3 times the names
// similarity (average linkage) reaches 0.15, and steep around that point.
var lineModel = model{bias: -0.15 * lineSlope, w: [nSignals]float64{0.7 * lineSlope, 0, 0.3 * lineSlope}}

const lineSlope = 20
