package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// testOpts are options for tests against local servers: loopback allowed,
// robots.txt ignored unless a test turns it on, no spacing between requests.
func testOpts() Options {
	return Options{Allow: AllowLoopback, IgnoreRobots: true, HostInterval: time.Millisecond}
}

// counted serves h and counts the requests it receives.
func counted(h http.HandlerFunc) (*httptest.Server, *atomic.Int64) {
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		h(w, r)
	}))
	return srv, &n
}

func addrPort(t *testing.T, srv *httptest.Server) netip.AddrPort {
	t.Helper()
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	ap, err := netip.ParseAddrPort(u.Host)
	if err != nil {
		t.Fatal(err)
	}
	return ap
}

func TestGetOK(t *testing.T) {
	srv, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("User-Agent") != UserAgent {
			t.Errorf("User-Agent = %q", r.Header.Get("User-Agent"))
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>hello</p>")
	})
	defer srv.Close()
	resp, err := New(testOpts()).Get(context.Background(), Request{URL: srv.URL + "/a#frag"})
	if err != nil {
		t.Fatal(err)
	}
	if string(resp.Body) != "<p>hello</p>" || resp.StatusCode != 200 || resp.ContentType != "text/html; charset=utf-8" {
		t.Errorf("got %d %q %q", resp.StatusCode, resp.ContentType, resp.Body)
	}
}

func TestSchemesRefused(t *testing.T) {
	f := New(testOpts())
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "javascript:alert(1)", "data:text/html,hi", "//example.com/x", "/relative"} {
		if _, err := f.Get(context.Background(), Request{URL: u}); !errors.Is(err, ErrScheme) {
			t.Errorf("Get(%q) = %v, want ErrScheme", u, err)
		}
	}
	if _, err := f.Get(context.Background(), Request{URL: "http:///path"}); err == nil {
		t.Error("a URL without a host was fetched")
	}
}

func TestLoopbackRefusedByDefault(t *testing.T) {
	srv, hits := counted(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	defer srv.Close()
	f := New(Options{IgnoreRobots: true})
	_, err := f.Get(context.Background(), Request{URL: srv.URL})
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("Get(%s) = %v, want ErrForbiddenAddress", srv.URL, err)
	}
	if hits.Load() != 0 {
		t.Errorf("server was reached %d times", hits.Load())
	}
	// The same with robots.txt on: its fetch is refused the same way.
	_, err = New(Options{}).Get(context.Background(), Request{URL: srv.URL})
	if !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("with robots: Get(%s) = %v, want ErrForbiddenAddress", srv.URL, err)
	}
	if hits.Load() != 0 {
		t.Errorf("server was reached %d times", hits.Load())
	}
}

func TestForbiddenLiteralAddresses(t *testing.T) {
	f := New(Options{IgnoreRobots: true, Timeout: 5 * time.Second})
	for _, u := range []string{
		"http://10.0.0.1/",
		"http://10.255.1.2:8080/admin",
		"http://169.254.169.254/latest/meta-data/",
		"http://[::1]:9/",
		"http://0.0.0.0:9/",
		"http://127.0.0.1:9/",
		"http://192.168.0.1/",
		"http://[fe80::1]/",
		"http://[fd00::1]/",
		"http://224.0.0.1/",
		"http://[::ffff:127.0.0.1]:9/",
		"http://[::ffff:a9fe:a9fe]/", // 169.254.169.254, mapped
		"https://100.64.0.1/",
	} {
		if _, err := f.Get(context.Background(), Request{URL: u}); !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("Get(%s) = %v, want ErrForbiddenAddress", u, err)
		}
	}
}

func TestRedirectToForbiddenAddress(t *testing.T) {
	inner, innerHits := counted(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "internal secret") })
	defer inner.Close()
	outer, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-loopback":
			http.Redirect(w, r, inner.URL+"/secret", http.StatusFound)
		case "/to-localhost-name":
			http.Redirect(w, r, "http://localhost:"+inner.URL[strings.LastIndex(inner.URL, ":")+1:]+"/secret", http.StatusFound)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusMovedPermanently)
		case "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		}
	})
	defer outer.Close()
	// Only the outer server's own address and port are allowed: the inner
	// one, on 127.0.0.1 too, stands for an internal service.
	allowed := addrPort(t, outer)
	opts := testOpts()
	opts.Allow = func(ap netip.AddrPort) bool { return ap == allowed }
	f := New(opts)
	for path, want := range map[string]error{
		"/to-loopback":       ErrForbiddenAddress,
		"/to-localhost-name": ErrForbiddenAddress,
		"/to-metadata":       ErrForbiddenAddress,
		"/to-file":           ErrScheme,
	} {
		if _, err := f.Get(context.Background(), Request{URL: outer.URL + path}); !errors.Is(err, want) {
			t.Errorf("Get(%s) = %v, want %v", path, err, want)
		}
	}
	if innerHits.Load() != 0 {
		t.Errorf("the internal server was reached %d times", innerHits.Load())
	}
}

func TestHostnameResolvingToPrivateAddress(t *testing.T) {
	srv, hits := counted(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "ok") })
	defer srv.Close()
	port := addrPort(t, srv).Port()
	lookups := map[string][]netip.Addr{
		"intranet.example":  {netip.MustParseAddr("10.0.0.7")},
		"metadata.example":  {netip.MustParseAddr("169.254.169.254")},
		"mixed.example":     {netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("192.168.1.1")},
		"v6private.example": {netip.MustParseAddr("fd00::5")},
		"local.example":     {netip.MustParseAddr("127.0.0.1")},
	}
	opts := testOpts()
	opts.Lookup = func(_ context.Context, host string) ([]netip.Addr, error) { return lookups[host], nil }
	f := New(opts)
	for host := range lookups {
		if host == "local.example" {
			continue
		}
		u := fmt.Sprintf("http://%s:%d/", host, port)
		if _, err := f.Get(context.Background(), Request{URL: u}); !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("Get(%s) = %v, want ErrForbiddenAddress", u, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("server reached %d times through a refused name", hits.Load())
	}
	// The check is on the address, not the name: a name for loopback is
	// fetched when loopback is allowed ...
	if _, err := f.Get(context.Background(), Request{URL: fmt.Sprintf("http://local.example:%d/", port)}); err != nil {
		t.Errorf("loopback name with loopback allowed: %v", err)
	}
	// ... and refused when it is not.
	opts.Allow = nil
	if _, err := New(opts).Get(context.Background(), Request{URL: fmt.Sprintf("http://local.example:%d/", port)}); !errors.Is(err, ErrForbiddenAddress) {
		t.Errorf("loopback name, loopback not allowed: %v", err)
	}
}

// TestDNSRebinding: the name resolves to an allowed address, then to a
// private one; every new connection is checked against the new answer.
func TestDNSRebinding(t *testing.T) {
	srv, hits := counted(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Connection", "close") // each request dials anew
		fmt.Fprint(w, "ok")
	})
	defer srv.Close()
	var calls atomic.Int64
	opts := testOpts()
	opts.Lookup = func(context.Context, string) ([]netip.Addr, error) {
		if calls.Add(1) == 1 {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		return []netip.Addr{netip.MustParseAddr("10.0.0.1")}, nil
	}
	f := New(opts)
	u := fmt.Sprintf("http://rebind.example:%d/", addrPort(t, srv).Port())
	if _, err := f.Get(context.Background(), Request{URL: u}); err != nil {
		t.Fatalf("first fetch: %v", err)
	}
	if _, err := f.Get(context.Background(), Request{URL: u}); !errors.Is(err, ErrForbiddenAddress) {
		t.Fatalf("after rebinding to 10.0.0.1: %v, want ErrForbiddenAddress", err)
	}
	if hits.Load() != 1 {
		t.Errorf("server hits = %d, want 1", hits.Load())
	}
}

func TestBodyCaps(t *testing.T) {
	const hundredMB = 100 << 20
	var declared, chunked atomic.Int64 // bytes written by each handler
	done := make(chan struct{}, 4)
	stream := func(w http.ResponseWriter, n int64, written *atomic.Int64) {
		defer func() { done <- struct{}{} }()
		chunk := bytes.Repeat([]byte("a"), 64<<10)
		for written.Load() < n {
			m, err := w.Write(chunk)
			written.Add(int64(m))
			if err != nil {
				return
			}
		}
	}
	srv, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/declared":
			w.Header().Set("Content-Length", fmt.Sprint(hundredMB))
			stream(w, hundredMB, &declared)
		case "/chunked":
			stream(w, hundredMB, &chunked)
		case "/gzip-chunked":
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			defer zw.Close()
			chunk := bytes.Repeat([]byte("b"), 64<<10)
			for range hundredMB / len(chunk) {
				if _, err := zw.Write(chunk); err != nil {
					return
				}
			}
		}
	})
	defer srv.Close()
	opts := testOpts()
	opts.MaxBytes = 1 << 20
	f := New(opts)
	for _, path := range []string{"/declared", "/chunked", "/gzip-chunked"} {
		resp, err := f.Get(context.Background(), Request{URL: srv.URL + path})
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", path, err)
		}
		if resp != nil {
			t.Errorf("%s: a response was returned with the error", path)
		}
	}
	srv.CloseClientConnections()
	for range 2 {
		<-done
	}
	for name, n := range map[string]int64{"declared": declared.Load(), "chunked": chunked.Load()} {
		if n >= hundredMB {
			t.Errorf("%s: server wrote the whole %d bytes: the client did not stop reading", name, n)
		}
	}
}

func gzipped(t *testing.T, b []byte, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	for range n {
		if _, err := zw.Write(b); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGzip(t *testing.T) {
	// A bomb: 256 MiB of zeros in 256 concatenated gzip members (which
	// decoders read as one stream), a few hundred KB on the wire.
	bomb := bytes.Repeat(gzipped(t, make([]byte, 1<<20), 1), 256)
	small := gzipped(t, []byte("<rss>hello</rss>"), 1)
	srv, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") != "gzip" {
			t.Errorf("Accept-Encoding = %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		switch r.URL.Path {
		case "/bomb":
			w.Write(bomb)
		case "/small":
			w.Write(small)
		case "/broken":
			w.Write([]byte("not gzip at all"))
		case "/brotli":
			w.Header().Set("Content-Encoding", "br")
			w.Write([]byte("x"))
		}
	})
	defer srv.Close()
	opts := testOpts()
	opts.MaxBytes = 4 << 20
	if len(bomb) >= int(opts.MaxBytes) {
		t.Fatalf("bomb is %d bytes compressed: must fit under the cap to test the decompressed limit", len(bomb))
	}
	f := New(opts)
	if _, err := f.Get(context.Background(), Request{URL: srv.URL + "/bomb"}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("bomb: %v, want ErrTooLarge", err)
	}
	resp, err := f.Get(context.Background(), Request{URL: srv.URL + "/small"})
	if err != nil || string(resp.Body) != "<rss>hello</rss>" {
		t.Errorf("small gzip: %v %+v", err, resp)
	}
	if _, err := f.Get(context.Background(), Request{URL: srv.URL + "/broken"}); err == nil {
		t.Error("a body that is not gzip was accepted as gzip")
	}
	if _, err := f.Get(context.Background(), Request{URL: srv.URL + "/brotli"}); !errors.Is(err, ErrEncoding) {
		t.Errorf("br: %v, want ErrEncoding", err)
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	srv, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("partial body "))
		w.(http.Flusher).Flush()
		select { // trickle: never finish before the client gives up
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer srv.Close()
	defer close(release)
	opts := testOpts()
	opts.Timeout = 200 * time.Millisecond
	_, err := New(opts).Get(context.Background(), Request{URL: srv.URL})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("slow body: %v, want context.DeadlineExceeded", err)
	}
}

func TestRedirectLimit(t *testing.T) {
	srv, hits := counted(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Path+"x", http.StatusFound)
	})
	defer srv.Close()
	opts := testOpts()
	opts.MaxRedirects = 3
	_, err := New(opts).Get(context.Background(), Request{URL: srv.URL + "/r"})
	if !errors.Is(err, ErrRedirects) {
		t.Errorf("redirect loop: %v, want ErrRedirects", err)
	}
	if hits.Load() != 4 {
		t.Errorf("requests made = %d, want 4 (the first and 3 redirects)", hits.Load())
	}
	// Within the limit, the final URL is reported.
	srv2, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/old" {
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
			return
		}
		fmt.Fprint(w, "moved here")
	})
	defer srv2.Close()
	resp, err := New(opts).Get(context.Background(), Request{URL: srv2.URL + "/old"})
	if err != nil || resp.URL != srv2.URL+"/new" {
		t.Errorf("redirect: %v, final URL %v", err, resp)
	}
}

func TestConditionalGet(t *testing.T) {
	const etag, lastMod = `"v1"`, "Mon, 02 Jan 2006 15:04:05 GMT"
	var got []http.Header
	var mu sync.Mutex
	srv, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Header.Clone())
		mu.Unlock()
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, "feed body")
	})
	defer srv.Close()
	f := New(testOpts())
	first, err := f.Get(context.Background(), Request{URL: srv.URL})
	if err != nil || first.NotModified || first.ETag != etag || first.LastModified != lastMod {
		t.Fatalf("first: %v %+v", err, first)
	}
	second, err := f.Get(context.Background(), Request{URL: srv.URL, ETag: first.ETag, LastModified: first.LastModified})
	if err != nil || !second.NotModified || len(second.Body) != 0 {
		t.Fatalf("second: %v %+v", err, second)
	}
	if got[1].Get("If-None-Match") != etag || got[1].Get("If-Modified-Since") != lastMod {
		t.Errorf("conditional headers sent: %v", got[1])
	}
	if got[0].Get("If-None-Match") != "" {
		t.Errorf("first request was conditional: %v", got[0])
	}
}

func TestStatusError(t *testing.T) {
	srv, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy":
			w.Header().Set("Retry-After", "120")
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/gone":
			w.WriteHeader(http.StatusGone)
		}
	})
	defer srv.Close()
	f := New(testOpts())
	_, err := f.Get(context.Background(), Request{URL: srv.URL + "/busy"})
	var se *StatusError
	if !errors.Is(err, ErrStatus) || !errors.As(err, &se) || se.Code != 503 || se.RetryAfter != 2*time.Minute {
		t.Errorf("busy: %v %+v", err, se)
	}
	_, err = f.Get(context.Background(), Request{URL: srv.URL + "/gone"})
	if !errors.As(err, &se) || se.Code != 410 || se.RetryAfter != 0 {
		t.Errorf("gone: %v %+v", err, se)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
	}{
		{"", 0},
		{"30", 30 * time.Second},
		{"-5", 0},
		{"soon", 0},
		{now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.v, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.v, got, tt.want)
		}
	}
}

// robotsServer serves a robots.txt (status and body chosen by the test)
// and pages, counting each.
type robotsServer struct {
	*httptest.Server
	status       atomic.Int64
	body         atomic.Value // string
	robots, page atomic.Int64
}

func newRobotsServer(status int, body string) *robotsServer {
	s := &robotsServer{}
	s.status.Store(int64(status))
	s.body.Store(body)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			s.robots.Add(1)
			w.WriteHeader(int(s.status.Load()))
			fmt.Fprint(w, s.body.Load().(string))
			return
		}
		s.page.Add(1)
		fmt.Fprint(w, "page")
	}))
	return s
}

func TestRobots(t *testing.T) {
	srv := newRobotsServer(200, "User-agent: *\nDisallow: /\n\nUser-agent: Parallax\nDisallow: /private/\n")
	defer srv.Close()
	clock := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	opts := testOpts()
	opts.IgnoreRobots = false
	opts.Now = func() time.Time { mu.Lock(); defer mu.Unlock(); return clock }
	f := New(opts)
	ctx := context.Background()
	if _, err := f.Get(ctx, Request{URL: srv.URL + "/news/1"}); err != nil {
		t.Errorf("allowed page: %v", err)
	}
	if _, err := f.Get(ctx, Request{URL: srv.URL + "/private/x"}); !errors.Is(err, ErrRobots) {
		t.Errorf("disallowed page: %v, want ErrRobots", err)
	}
	if _, err := f.Get(ctx, Request{URL: srv.URL + "/news/2"}); err != nil {
		t.Errorf("allowed page: %v", err)
	}
	if srv.robots.Load() != 1 || srv.page.Load() != 2 {
		t.Errorf("robots.txt fetched %d times (want 1, cached), pages %d (want 2)", srv.robots.Load(), srv.page.Load())
	}
	// Once the cache expires the file is read again, and new rules apply.
	srv.body.Store("User-agent: parallax\nDisallow: /news/\n")
	mu.Lock()
	clock = clock.Add(25 * time.Hour)
	mu.Unlock()
	if _, err := f.Get(ctx, Request{URL: srv.URL + "/news/3"}); !errors.Is(err, ErrRobots) {
		t.Errorf("after expiry: %v, want ErrRobots", err)
	}
	if srv.robots.Load() != 2 {
		t.Errorf("robots.txt fetched %d times, want 2 after expiry", srv.robots.Load())
	}
}

func TestRobotsRedirectTarget(t *testing.T) {
	target := newRobotsServer(200, "User-agent: *\nDisallow: /blocked\n")
	defer target.Close()
	srv, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/go" {
			http.Redirect(w, r, target.URL+"/blocked", http.StatusFound)
			return
		}
		http.NotFound(w, r)
	})
	defer srv.Close()
	opts := testOpts()
	opts.IgnoreRobots = false
	if _, err := New(opts).Get(context.Background(), Request{URL: srv.URL + "/go"}); !errors.Is(err, ErrRobots) {
		t.Errorf("redirect to a disallowed page: %v, want ErrRobots", err)
	}
	if target.page.Load() != 0 {
		t.Error("the disallowed redirect target was fetched")
	}
}

func TestRobotsUnavailable(t *testing.T) {
	tests := []struct {
		status  int
		allowed bool
	}{
		{404, true},  // no robots.txt: everything allowed
		{403, true},  // 4xx: allowed (RFC 9309 §2.3.1.3)
		{500, false}, // server error: everything disallowed for now
		{503, false},
		{429, false},
	}
	for _, tt := range tests {
		srv := newRobotsServer(tt.status, "User-agent: *\nDisallow: /\n")
		opts := testOpts()
		opts.IgnoreRobots = false
		_, err := New(opts).Get(context.Background(), Request{URL: srv.URL + "/page"})
		if tt.allowed && err != nil {
			t.Errorf("robots.txt %d: %v, want the page", tt.status, err)
		}
		if !tt.allowed && (!errors.Is(err, ErrRobots) || !errors.Is(err, ErrRobotsUnreachable)) {
			t.Errorf("robots.txt %d: %v, want ErrRobots and ErrRobotsUnreachable", tt.status, err)
		}
		srv.Close()
	}
}

func TestHostSpacing(t *testing.T) {
	srv, _ := counted(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.25\n")
			return
		}
		fmt.Fprint(w, "ok")
	})
	defer srv.Close()
	// Spacing from Options: three requests take at least two intervals.
	opts := testOpts()
	opts.HostInterval = 150 * time.Millisecond
	f := New(opts)
	start := time.Now()
	for i := range 3 {
		if _, err := f.Get(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 300*time.Millisecond {
		t.Errorf("3 requests to one host in %v, want ≥ 300ms at one per 150ms", d)
	}
	// Spacing from robots.txt's Crawl-delay, longer than the option's.
	opts = testOpts()
	opts.IgnoreRobots = false
	f = New(opts)
	start = time.Now()
	for i := range 3 {
		if _, err := f.Get(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 500*time.Millisecond {
		t.Errorf("3 pages in %v, want ≥ 500ms with Crawl-delay 0.25", d)
	}
	// A cancelled context stops the wait.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.Get(ctx, Request{URL: srv.URL + "/x"}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

func TestRobotsLoadedOnceForConcurrentRequests(t *testing.T) {
	srv := newRobotsServer(200, "User-agent: *\nDisallow: /no\n")
	defer srv.Close()
	opts := testOpts()
	opts.IgnoreRobots = false
	f := New(opts)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Go(func() {
			_, err := f.Get(context.Background(), Request{URL: fmt.Sprintf("%s/page/%d", srv.URL, i)})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if srv.robots.Load() != 1 || srv.page.Load() != 8 {
		t.Errorf("robots.txt fetched %d times (want 1), pages %d (want 8)", srv.robots.Load(), srv.page.Load())
	}
}

func TestRobotsTimeoutIsUnreachable(t *testing.T) {
	release := make(chan struct{})
	var robots, pages atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robots.Add(1)
			select {
			case <-release:
			case <-r.Context().Done():
			}
			return
		}
		pages.Add(1)
	}))
	defer srv.Close()
	defer close(release)
	opts := testOpts()
	opts.IgnoreRobots = false
	opts.Timeout = 200 * time.Millisecond
	f := New(opts)
	for range 2 {
		_, err := f.Get(context.Background(), Request{URL: srv.URL + "/page"})
		if !errors.Is(err, ErrRobotsUnreachable) {
			t.Errorf("robots.txt hanging: %v, want ErrRobotsUnreachable", err)
		}
	}
	if robots.Load() != 1 || pages.Load() != 0 {
		t.Errorf("robots.txt asked %d times (want 1: the failure is cached), pages %d", robots.Load(), pages.Load())
	}
}
