package story

// eventModel was fitted by TestTrainModels (go test -run TestTrainModels
// -train ./internal/story) on the ECB+ training topics (the standard split:
// all but the dev and test topics) replayed undated, and on half of the
// GVA incidents (by a hash of the incident id) replayed by date, the two
// sets weighted equally. Inputs are listed in parts.signals.
var eventModel = model{bias: -4.4751, w: [nSignals]float64{-2.6744, 8.6123, 14.3536, 5.1860, 5.4268, -2.1072, 1.8816, -0.3960, -0.9962, -0.2662, -9.3797, -1.6105}}
