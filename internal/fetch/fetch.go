// Package fetch is Parallax's HTTP client for the open web: feeds, article
// pages and robots.txt. It is built to be pointed at URLs chosen by others.
//
// Only http and https URLs are fetched. Every address a connection is about
// to be made to is checked at dial time, after name resolution and on every
// redirect, so loopback, private, link-local, multicast, unspecified and
// other special-purpose addresses are refused (ErrForbiddenAddress) unless
// Options.Allow lets them through; a DNS answer that changes between checks
// (rebinding) cannot slip past, because the check runs on the address the
// socket connects to. Environment proxies are ignored for the same reason.
//
// Bodies are capped after decompression (ErrTooLarge), so a gzip bomb stops
// at the cap; the number of redirects and the total time of a request are
// capped too. The fetcher honours robots.txt for its user agent (ErrRobots),
// caching each host's rules, and spaces its requests to one host.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// UserAgent is the User-Agent header Parallax sends.
const UserAgent = "Parallax/0.1 (+https://github.com/parallax-news/parallax)"

// Errors returned by the fetcher, wrapped with detail; check with errors.Is.
var (
	ErrScheme           = errors.New("fetch: only http and https URLs are fetched")
	ErrForbiddenAddress = errors.New("fetch: forbidden address")
	ErrTooLarge         = errors.New("fetch: body too large")
	ErrRedirects        = errors.New("fetch: too many redirects")
	ErrRobots           = errors.New("fetch: disallowed by robots.txt")
	// ErrRobotsUnreachable comes with ErrRobots when the host's robots.txt
	// could not be read (server error, network failure): the refusal is
	// temporary.
	ErrRobotsUnreachable = errors.New("robots.txt unreachable")
	ErrStatus            = errors.New("fetch: unexpected HTTP status")
	ErrEncoding          = errors.New("fetch: unsupported content encoding")
)

// StatusError is the error for a response that is neither a success nor
// 304 Not Modified. It matches ErrStatus with errors.Is.
type StatusError struct {
	URL        string
	Code       int
	RetryAfter time.Duration // from a Retry-After header; 0 when absent
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch: %s: HTTP %d %s", e.URL, e.Code, http.StatusText(e.Code))
}

// Is makes errors.Is(err, ErrStatus) true for a StatusError.
func (e *StatusError) Is(target error) bool { return target == ErrStatus }

// Options configure a Fetcher. Zero fields take the defaults shown.
type Options struct {
	UserAgent    string        // default UserAgent
	MaxBytes     int64         // largest body, after decompression; default 8 MiB
	MaxRedirects int           // default 5
	Timeout      time.Duration // total time of one request, body included; default 30s
	// HostInterval is the least time between the starts of two requests to
	// the same host; default 1s. A robots.txt Crawl-delay longer than this
	// (up to MaxCrawlDelay) is honoured instead.
	HostInterval time.Duration
	// RobotsTTL is how long a host's robots.txt is trusted; default 24h.
	RobotsTTL time.Duration
	// IgnoreRobots turns robots.txt checks off (tests of other behaviour).
	IgnoreRobots bool
	// Allow lets through addresses that are refused by default (see
	// Forbidden); nil allows none. AllowLoopback and AllowAll are ready-made
	// policies.
	Allow func(netip.AddrPort) bool
	// Lookup resolves a host name; nil uses the system resolver.
	Lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	// Now tells the time; nil is time.Now.
	Now func() time.Time
}

// MaxCrawlDelay is the longest robots.txt Crawl-delay honoured.
const MaxCrawlDelay = 60 * time.Second

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = UserAgent
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 8 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.HostInterval <= 0 {
		o.HostInterval = time.Second
	}
	if o.RobotsTTL <= 0 {
		o.RobotsTTL = 24 * time.Hour
	}
	if o.Lookup == nil {
		o.Lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Fetcher fetches URLs safely. It is safe for concurrent use; make one and
// share it, so its per-host spacing and robots.txt cache apply to all.
type Fetcher struct {
	opts   Options
	agent  string       // the product token robots.txt groups are matched against
	client *http.Client // follows redirects after admit
	raw    *http.Client // for robots.txt: counts redirects only
	robots *robotsCache
	hosts  *limiter
}

// New returns a Fetcher with the given options.
func New(opts Options) *Fetcher {
	opts = opts.withDefaults()
	f := &Fetcher{opts: opts, agent: productToken(opts.UserAgent)}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: f.control}
	tr := &http.Transport{
		Proxy: nil, // a proxy would dial for us, past the address checks
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return f.dial(ctx, dialer, network, addr)
		},
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		ResponseHeaderTimeout:  20 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		DisableCompression:     true, // we ask for gzip and decompress with a cap
		MaxIdleConnsPerHost:    2,
		IdleConnTimeout:        90 * time.Second,
	}
	f.client = &http.Client{Transport: tr, CheckRedirect: f.checkRedirect}
	f.raw = &http.Client{Transport: tr, CheckRedirect: func(req *http.Request, via []*http.Request) error {
		return f.redirectBasics(req, via)
	}}
	f.robots = newRobotsCache()
	f.hosts = newLimiter()
	return f
}

// Request is one GET.
type Request struct {
	URL string
	// Validators from an earlier response, for a conditional GET: when the
	// resource is unchanged the server answers 304 and Response.NotModified
	// is set.
	ETag, LastModified string
	Accept             string // Accept header; empty sends */*
}

// Response is a fetched resource.
type Response struct {
	URL          string // the final URL, after redirects
	StatusCode   int
	NotModified  bool // 304: the validators still hold; Body is empty
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte // decompressed, at most Options.MaxBytes
}

// Get fetches req.URL. A response other than 2xx or 304 is returned as a
// *StatusError. The whole request, body and redirects included, is bounded
// by Options.Timeout, counted from when the host's turn comes.
func (f *Fetcher) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := CheckURL(req.URL)
	if err != nil {
		return nil, err
	}
	// The wait for the host's turn is not part of the request's time.
	if err := f.admit(ctx, u); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	f.setHeaders(hreq, req.Accept)
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := f.client.Do(hreq)
	if err != nil {
		return nil, unwrapURLError(err)
	}
	defer resp.Body.Close()
	out := &Response{
		URL: resp.Request.URL.String(), StatusCode: resp.StatusCode,
		ContentType: resp.Header.Get("Content-Type"),
		ETag:        resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, &StatusError{URL: out.URL, Code: resp.StatusCode, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), f.opts.Now())}
	}
	if out.Body, err = readBody(resp, f.opts.MaxBytes); err != nil {
		return nil, fmt.Errorf("fetch: %s: %w", out.URL, err)
	}
	return out, nil
}

func (f *Fetcher) setHeaders(r *http.Request, accept string) {
	if accept == "" {
		accept = "*/*"
	}
	r.Header.Set("User-Agent", f.opts.UserAgent)
	r.Header.Set("Accept", accept)
	r.Header.Set("Accept-Encoding", "gzip")
}

// CheckURL parses raw and accepts it only as an absolute http or https URL
// with a host.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("%w: %q", ErrScheme, raw)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("fetch: %q has no host", raw)
	}
	u.Fragment, u.RawFragment = "", ""
	return u, nil
}

// admit waits for the host's turn and checks robots.txt before a request
// to u (the first, or a redirect).
func (f *Fetcher) admit(ctx context.Context, u *url.URL) error {
	delay := f.opts.HostInterval
	if !f.opts.IgnoreRobots && !isRobotsPath(u) {
		rules, err := f.robotsFor(ctx, u)
		if err != nil {
			return err
		}
		if !rules.Allowed(requestPath(u)) {
			if rules.why != "" {
				return fmt.Errorf("%w: %s: %w (%s); retried later", ErrRobots, u, ErrRobotsUnreachable, rules.why)
			}
			return fmt.Errorf("%w: %s", ErrRobots, u)
		}
		if d := min(rules.CrawlDelay(), MaxCrawlDelay); d > delay {
			delay = d
		}
	}
	return f.hosts.wait(ctx, u.Host, delay, f.opts.Now)
}

// redirectBasics enforces the redirect count and the scheme of the target.
func (f *Fetcher) redirectBasics(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return fmt.Errorf("%w (more than %d)", ErrRedirects, f.opts.MaxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("%w: redirect to %q", ErrScheme, req.URL)
	}
	return nil
}

func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if err := f.redirectBasics(req, via); err != nil {
		return err
	}
	return f.admit(req.Context(), req.URL)
}

// dial resolves the host itself, refuses the connection when any of its
// addresses is forbidden, and dials the addresses in turn; the dialer's
// Control checks each socket's address again.
func (f *Fetcher) dial(ctx context.Context, d *net.Dialer, network, address string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(address)
	if err != nil {
		return nil, fmt.Errorf("fetch: dial %s: %w", address, err)
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("fetch: dial %s: bad port", address)
	}
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else if addrs, err = f.opts.Lookup(ctx, host); err != nil {
		return nil, fmt.Errorf("fetch: resolve %s: %w", host, err)
	}
	if len(addrs) == 0 {
		return nil, fmt.Errorf("fetch: resolve %s: no addresses", host)
	}
	for _, a := range addrs {
		if err := f.check(netip.AddrPortFrom(a.Unmap(), uint16(port))); err != nil {
			return nil, fmt.Errorf("%w (host %s)", err, host)
		}
	}
	var errs []error
	for _, a := range addrs {
		c, err := d.DialContext(ctx, network, netip.AddrPortFrom(a.Unmap(), uint16(port)).String())
		if err == nil {
			return c, nil
		}
		errs = append(errs, err)
	}
	return nil, errors.Join(errs...)
}

// unwrapURLError drops the *url.Error wrapper the client adds, keeping its
// URL in the message, so that sentinel errors stay visible to errors.Is
// (they are anyway) and messages are not doubled.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("fetch: %s: %w", ue.URL, ue.Err)
	}
	return fmt.Errorf("fetch: %w", err)
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}
