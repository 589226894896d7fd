package fetch

import (
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// readBody reads a response body, decompressing gzip, and fails with
// ErrTooLarge as soon as more than max bytes arrive on the wire or come out
// of the decompressor: a large declared length fails before reading, and a
// gzip bomb stops at max bytes of output.
func readBody(resp *http.Response, max int64) ([]byte, error) {
	if resp.ContentLength > max {
		return nil, fmt.Errorf("%w: Content-Length %d > %d", ErrTooLarge, resp.ContentLength, max)
	}
	r, err := decoded(resp, &capReader{r: resp.Body, left: max, what: "compressed body"})
	if err != nil {
		return nil, err
	}
	return io.ReadAll(&capReader{r: r, left: max, what: "body"})
}

// readPrefix reads at most max bytes of a response body, decompressed,
// and drops the rest (robots.txt files are read this way).
func readPrefix(resp *http.Response, max int64) ([]byte, error) {
	r, err := decoded(resp, io.LimitReader(resp.Body, max))
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(r, max))
	if errors.Is(err, io.ErrUnexpectedEOF) && len(b) > 0 {
		err = nil // a gzip stream cut at max compressed bytes
	}
	return b, err
}

// decoded undoes the response's Content-Encoding on r, its body.
func decoded(resp *http.Response, r io.Reader) (io.Reader, error) {
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		return r, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return zr, nil
	default:
		return nil, fmt.Errorf("%w: %q", ErrEncoding, enc)
	}
}

// capReader fails with ErrTooLarge once more than left bytes have been
// read, rather than truncating silently.
type capReader struct {
	r    io.Reader
	left int64
	what string
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, fmt.Errorf("%w: %s over the limit", ErrTooLarge, c.what)
	}
	// Ask for at most one byte past the limit: enough to know it is passed.
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, fmt.Errorf("%w: %s over the limit", ErrTooLarge, c.what)
	}
	return n, err
}
