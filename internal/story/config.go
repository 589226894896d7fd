package story

import "time"

// Config holds the engine's parameters. The zero value is not useful: start
// from DefaultConfig and change what you need.
type Config struct {
	// Threshold is the probability (under the event model) an article
	// needs to join a story.
	Threshold float64
	// MergeThreshold is the probability an article needs with a second
	// open story for it to bridge and merge the two.
	MergeThreshold float64
	// LineThreshold is the mean similarity (leads and names) a new story
	// needs with the stories of a storyline to join it.
	LineThreshold float64
	// LineMergeThreshold is the mean similarity between the stories of two
	// storylines at which regrouping merges them; zero turns it off.
	LineMergeThreshold float64

	// Window is how long a dated story stays open without a new article;
	// LineWindow the same for storylines. Term statistics (document
	// frequencies) are counted over the articles of the last IDFWindow.
	Window, LineWindow, IDFWindow time.Duration
	// WindowGrowth lengthens the quiet Window of a story with its size:
	// a story of n articles closes after Window*(1+WindowGrowth*ln n).
	WindowGrowth float64
	// MaxArticles bounds every window in articles, dated or not: a story
	// whose last article is more than MaxArticles articles back closes, and
	// term statistics count only the last MaxArticles articles. Undated
	// streams rely on it alone.
	MaxArticles int

	// KeepClosed keeps closed stories readable through Stories. Leave it off
	// for long streams: memory then stays bounded by the window.
	KeepClosed bool
}

// DefaultConfig returns the configuration used by "parallax eval cluster"
// and the pipeline: one set of parameters for every data set.
func DefaultConfig() Config {
	const day = 24 * time.Hour
	return Config{
		Threshold:          0.2,
		MergeThreshold:     0.8,
		LineThreshold:      0.3,
		LineMergeThreshold: 0.10,
		Window:             14 * day,
		WindowGrowth:       4,
		LineWindow:         365 * day,
		IDFWindow:          365 * day,
		MaxArticles:        20000,
	}
}
