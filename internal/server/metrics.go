package server

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Metric names. Counters and histograms carry the labels named in
// metricDefs; gauges none.
const (
	metricRequests      = "parallax_http_requests_total"
	metricRequestTime   = "parallax_http_request_duration_seconds"
	metricIngested      = "parallax_articles_ingested_total"
	metricStageTime     = "parallax_stage_duration_seconds"
	metricUpdates       = "parallax_updates_total"
	metricQueueDepth    = "parallax_update_queue_depth"
	metricUpdateRunning = "parallax_update_running"
	metricLastUpdate    = "parallax_update_last_success_timestamp_seconds"
	metricInFlight      = "parallax_http_requests_in_flight"
	metricArticles      = "parallax_articles"
	metricStories       = "parallax_stories"
	metricUnclustered   = "parallax_backlog_unclustered_articles"
	metricStaleBriefs   = "parallax_backlog_stale_stories"
	metricStart         = "parallax_start_time_seconds"
)

// metricDef describes one metric for the exposition.
type metricDef struct {
	kind    string // counter, gauge or histogram
	help    string
	labels  []string  // the label names of counters and histograms
	buckets []float64 // histograms: upper bounds, ascending
}

// Buckets of request and stage latencies, in seconds.
var (
	requestBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}
	stageBuckets   = []float64{0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600}
)

// metricDefs is every metric the server exposes (read-only).
var metricDefs = map[string]metricDef{
	metricRequests:      {kind: "counter", help: "HTTP requests answered, by route pattern and status code.", labels: []string{"route", "code"}},
	metricRequestTime:   {kind: "histogram", help: "Time to answer HTTP requests, by route pattern.", labels: []string{"route"}, buckets: requestBuckets},
	metricIngested:      {kind: "counter", help: "Articles given to ingest, by outcome (created, duplicate, rejected).", labels: []string{"outcome"}},
	metricStageTime:     {kind: "histogram", help: "Time taken by pipeline stages (ingest of one request or batch, cluster, briefs, update).", labels: []string{"stage"}, buckets: stageBuckets},
	metricUpdates:       {kind: "counter", help: "Background story updates, by result (ok, error).", labels: []string{"result"}},
	metricQueueDepth:    {kind: "gauge", help: "Articles ingested and waiting for the next story update."},
	metricUpdateRunning: {kind: "gauge", help: "1 while a story update runs."},
	metricLastUpdate:    {kind: "gauge", help: "Unix time of the last successful story update."},
	metricInFlight:      {kind: "gauge", help: "HTTP requests being answered."},
	metricArticles:      {kind: "gauge", help: "Articles in the database."},
	metricStories:       {kind: "gauge", help: "Stories in the database."},
	metricUnclustered:   {kind: "gauge", help: "Articles not yet in a story."},
	metricStaleBriefs:   {kind: "gauge", help: "Stories whose story object is waiting to be (re)built."},
	metricStart:         {kind: "gauge", help: "Unix time the server started."},
}

// metrics holds the server's counters, gauges and histograms.
type metrics struct {
	mu       sync.Mutex
	counters map[string]map[string]float64 // name -> label values (joined by labelSep) -> count
	gauges   map[string]float64
	hists    map[string]map[string]*histogram
}

type histogram struct {
	counts []uint64 // per bucket (not cumulative); the last is +Inf
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{
		counters: make(map[string]map[string]float64),
		gauges:   make(map[string]float64),
		hists:    make(map[string]map[string]*histogram),
	}
}

// labelSep joins the label values of a series into its key.
const labelSep = "\x00"

// add adds v to a counter; values are its label values in order.
func (m *metrics) add(name string, v float64, values ...string) {
	label := strings.Join(values, labelSep)
	m.mu.Lock()
	defer m.mu.Unlock()
	c := m.counters[name]
	if c == nil {
		c = make(map[string]float64)
		m.counters[name] = c
	}
	c[label] += v
}

func (m *metrics) inc(name string, values ...string) { m.add(name, 1, values...) }

func (m *metrics) setGauge(name string, v float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gauges[name] = v
}

func (m *metrics) addGauge(name string, v float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.gauges[name] += v
}

// observe records a duration in a histogram.
func (m *metrics) observe(name, label string, d time.Duration) {
	v := d.Seconds()
	bounds := metricDefs[name].buckets
	m.mu.Lock()
	defer m.mu.Unlock()
	hs := m.hists[name]
	if hs == nil {
		hs = make(map[string]*histogram)
		m.hists[name] = hs
	}
	h := hs[label]
	if h == nil {
		h = &histogram{counts: make([]uint64, len(bounds)+1)}
		hs[label] = h
	}
	i := sort.SearchFloat64s(bounds, v) // first bound >= v
	h.counts[i]++
	h.sum += v
	h.n++
}

// write writes every metric in the Prometheus text exposition format
// (version 0.0.4), with extra gauges (read at scrape time) merged in,
// metrics and label values in sorted order.
func (m *metrics) write(w io.Writer, extra map[string]float64) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	bw := bufio.NewWriter(w)
	names := make([]string, 0, len(metricDefs))
	for name := range metricDefs {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		def := metricDefs[name]
		switch def.kind {
		case "gauge":
			v, ok := extra[name]
			if !ok {
				v, ok = m.gauges[name]
			}
			if !ok {
				continue
			}
			header(bw, name, def)
			fmt.Fprintf(bw, "%s %s\n", name, formatValue(v))
		case "counter":
			c := m.counters[name]
			if len(c) == 0 {
				continue
			}
			header(bw, name, def)
			for _, lv := range sortedKeys(c) {
				fmt.Fprintf(bw, "%s{%s} %s\n", name, labelPairs(def.labels, lv), formatValue(c[lv]))
			}
		case "histogram":
			hs := m.hists[name]
			if len(hs) == 0 {
				continue
			}
			header(bw, name, def)
			for _, lv := range sortedKeys(hs) {
				writeHistogram(bw, name, def, lv, hs[lv])
			}
		}
	}
	return bw.Flush()
}

func header(w io.Writer, name string, def metricDef) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", name, escapeHelp(def.help), name, def.kind)
}

func writeHistogram(w io.Writer, name string, def metricDef, lv string, h *histogram) {
	label := labelPairs(def.labels, lv)
	var cum uint64
	for i, bound := range def.buckets {
		cum += h.counts[i]
		fmt.Fprintf(w, "%s_bucket{%s,le=%q} %d\n", name, label, formatValue(bound), cum)
	}
	cum += h.counts[len(def.buckets)]
	fmt.Fprintf(w, "%s_bucket{%s,le=\"+Inf\"} %d\n", name, label, cum)
	fmt.Fprintf(w, "%s_sum{%s} %s\n", name, label, formatValue(h.sum))
	fmt.Fprintf(w, "%s_count{%s} %d\n", name, label, h.n)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// labelPairs renders name="value",... for a series key, values escaped as
// the format requires (backslash, double quote, line feed).
func labelPairs(names []string, key string) string {
	values := strings.Split(key, labelSep)
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	pairs := make([]string, len(names))
	for i, name := range names {
		v := ""
		if i < len(values) {
			v = values[i]
		}
		pairs[i] = name + `="` + r.Replace(v) + `"`
	}
	return strings.Join(pairs, ",")
}

func escapeHelp(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`).Replace(s)
}

func formatValue(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
