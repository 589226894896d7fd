package story

// eventModel was fitted by TestTrainModels (go test -run TestTrainModels
// -train ./internal/story) on the ECB+ training topics (the standard split:
// all but the dev and test topics) replayed undated, and on half of the
// GVA incidents (by a hash of the incident id) replayed by date, the two
// sets weighted equally. Inputs are listed in parts.signals.
var eventModel = model{bias: -4.4405, w: [nSignals]float64{-2.8153, 8.6814, 14.5063, 5.2597, 5.4816, -2.1872, 1.8399, -0.4072, -1.0147, -0.2522, -9.4807, -1.6570}}

// lineModel is set by hand: ECB+, the only set with storylines, has too few
// of them to fit one (fewer than 30 storyline joins in its training topics).
// It is 0.5 when 0.7 times the terms similarity plus 0.3 times the names
// similarity (average linkage) reaches 0.15, and steep around that point.
var lineModel = model{bias: -0.15 * lineSlope, w: [nSignals]float64{0.7 * lineSlope, 0, 0.3 * lineSlope}}

const lineSlope = 20
