package story

// eventModel was fitted by TestTrainModels (go test -run TestTrainModels
// -train ./internal/story) on the ECB+ training topics (the standard split:
// all but the dev and test topics) replayed undated, and on half of the
// GVA incidents (by a hash of the incident id) replayed by date, the two
// sets weighted equally. Inputs are listed in parts.signals.
var eventModel = model{bias: -4.4696, w: [nSignals]float64{-2.6557, 8.5600, 14.4150, 5.1943, 5.4583, -2.1234, 1.8706, -0.3910, -0.9979, -0.2633, -9.3165, -1.6148}}

// lineModel is set by hand: ECB+, the only set with storylines, has too few
// of them to fit one (fewer than 30 storyline joins in its training topics).
// It is 0.5 when 0.7 times the terms similarity plus 0.3 times the names
// similarity (average linkage) reaches 0.15, and steep around that point.
var lineModel = model{bias: -0.15 * lineSlope, w: [nSignals]float64{0.7 * lineSlope, 0, 0.3 * lineSlope}}

const lineSlope = 20
