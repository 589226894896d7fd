package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"

	"github.com/parallax-news/parallax/internal/apiv1"
)

// ContentSecurityPolicy is sent with every response: nothing loads but
// scripts, styles, images and connections from the server itself, and no
// page of it can be framed.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// MinTokenLength is the shortest bearer token accepted.
const MinTokenLength = 16

// ErrTokenRequired is returned by New for a non-loopback address without a
// token.
var ErrTokenRequired = errors.New("a token is required to listen beyond loopback")

// securityHeaders sets the headers every response carries, before anything
// else can answer.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", ContentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		next.ServeHTTP(w, r)
	})
}

// requireToken refuses requests that change state (any method but GET,
// HEAD and OPTIONS) without "Authorization: Bearer token". An empty token
// lets them through (the server then listens on loopback only).
func requireToken(token string, next http.Handler) http.Handler {
	if token == "" {
		return next
	}
	want := []byte("Bearer " + token)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			next.ServeHTTP(w, r)
			return
		}
		got := []byte(r.Header.Get("Authorization"))
		if subtle.ConstantTimeCompare(got, want) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
			apiv1.WriteError(w, http.StatusUnauthorized, apiv1.CodeUnauthorized, "this request needs Authorization: Bearer TOKEN (the server's --token)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// crossOrigin refuses state-changing browser requests from other origins
// (CSRF), with a JSON error.
func crossOrigin(next http.Handler) http.Handler {
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		apiv1.WriteError(w, http.StatusForbidden, apiv1.CodeForbidden, "cross-origin request refused")
	}))
	return cop.Handler(next)
}

// checkHost answers only requests whose Host is a loopback name or one of
// allowed, so that a web page cannot reach a loopback server through a
// DNS name of its own (DNS rebinding). It is used when the server listens
// on loopback or allowed names are configured.
func checkHost(allowed []string, next http.Handler) http.Handler {
	ok := make(map[string]bool, len(allowed))
	for _, h := range allowed {
		ok[strings.ToLower(h)] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		host = strings.ToLower(strings.Trim(host, "[]"))
		if !ok[host] && !isLoopbackName(host) {
			apiv1.WriteError(w, http.StatusForbidden, apiv1.CodeForbidden, "this server does not answer to that Host (see --allow-host)")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// isLoopbackName reports whether host is "localhost" (or a name under
// .localhost) or a loopback IP address.
func isLoopbackName(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// IsLoopback reports whether the listen address addr (host:port) only
// accepts connections from this machine: a loopback IP, or a name that
// resolves only to loopback addresses. An empty host (all interfaces) is
// not loopback.
func IsLoopback(ctx context.Context, addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, fmt.Errorf("listen address %q: %w", addr, err)
	}
	if host == "" {
		return false, nil
	}
	if isLoopbackName(strings.ToLower(host)) {
		return true, nil
	}
	if net.ParseIP(host) != nil {
		return false, nil
	}
	ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
	if err != nil {
		return false, fmt.Errorf("listen address %q: %w", addr, err)
	}
	for _, ip := range ips {
		if !ip.IP.IsLoopback() {
			return false, nil
		}
	}
	return len(ips) > 0, nil
}
