package server

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestMetricsExposition(t *testing.T) {
	m := newMetrics()
	m.inc(metricRequests, "/api/v1/stories", "200")
	m.inc(metricRequests, "/api/v1/stories", "200")
	m.inc(metricRequests, `we"ird\route`+"\n", "404")
	m.observe(metricRequestTime, "/api/v1/stories", 3*time.Millisecond)
	m.observe(metricRequestTime, "/api/v1/stories", 20*time.Second)
	m.add(metricIngested, 5, "created")
	m.setGauge(metricQueueDepth, 7)
	var buf bytes.Buffer
	if err := m.write(&buf, map[string]float64{metricArticles: 12}); err != nil {
		t.Fatal(err)
	}
	want := `# HELP parallax_articles Articles in the database.
# TYPE parallax_articles gauge
parallax_articles 12
# HELP parallax_articles_ingested_total Articles given to ingest, by outcome (created, duplicate, rejected).
# TYPE parallax_articles_ingested_total counter
parallax_articles_ingested_total{outcome="created"} 5
# HELP parallax_http_request_duration_seconds Time to answer HTTP requests, by route pattern.
# TYPE parallax_http_request_duration_seconds histogram
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.0005"} 0
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.001"} 0
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.0025"} 0
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.005"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.01"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.025"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.05"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.1"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.25"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="0.5"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="1"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="2.5"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="5"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="10"} 1
parallax_http_request_duration_seconds_bucket{route="/api/v1/stories",le="+Inf"} 2
parallax_http_request_duration_seconds_sum{route="/api/v1/stories"} 20.003
parallax_http_request_duration_seconds_count{route="/api/v1/stories"} 2
# HELP parallax_http_requests_total HTTP requests answered, by route pattern and status code.
# TYPE parallax_http_requests_total counter
parallax_http_requests_total{route="/api/v1/stories",code="200"} 2
parallax_http_requests_total{route="we\"ird\\route\n",code="404"} 1
# HELP parallax_update_queue_depth Articles ingested and waiting for the next story update.
# TYPE parallax_update_queue_depth gauge
parallax_update_queue_depth 7
`
	if got := buf.String(); got != want {
		t.Errorf("exposition:\n%s\nwant:\n%s", got, want)
	}
}

// sampleLine is a sample of the text exposition format.
var sampleLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([a-zA-Z_][a-zA-Z0-9_]*="(\\.|[^"\\])*",?)*\})? (\S+)$`)

// TestMetricsEndpointParses scrapes a live server and checks every line is
// a comment or a well-formed sample, and histogram buckets grow.
func TestMetricsEndpointParses(t *testing.T) {
	r := start(t, Config{})
	for range 3 {
		send(t, "GET", r.url+"/api/v1/stories", nil, nil)
	}
	send(t, "GET", r.url+"/nope", nil, nil)
	got := send(t, "GET", r.url+"/metrics", nil, nil)
	if ct := got.header.Get("Content-Type"); ct != "text/plain; version=0.0.4; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	text := string(got.body)
	last := map[string]float64{}
	for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
		if strings.HasPrefix(line, "# HELP ") || strings.HasPrefix(line, "# TYPE ") {
			continue
		}
		m := sampleLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("malformed line %q", line)
			continue
		}
		v, err := strconv.ParseFloat(m[5], 64)
		if err != nil {
			t.Errorf("bad value in %q", line)
		}
		if strings.HasSuffix(m[1], "_bucket") {
			series := m[1] + strings.Split(m[2], ",le=")[0]
			if v < last[series] {
				t.Errorf("bucket counts fall: %q", line)
			}
			last[series] = v
		}
	}
	for _, want := range []string{
		`parallax_http_requests_total{route="/api/v1/stories",code="200"} 3`,
		`parallax_http_requests_total{route="/",code="404"} 1`,
		`parallax_http_request_duration_seconds_count{route="/api/v1/stories"} 3`,
		"parallax_articles 0", "parallax_stories 0", "parallax_update_queue_depth 0",
		"parallax_backlog_unclustered_articles 0", "parallax_http_requests_in_flight 1",
	} {
		if !strings.Contains(text, want+"\n") {
			t.Errorf("metrics lack %q:\n%s", want, text)
		}
	}
}
