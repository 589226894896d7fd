package apiv1

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// Error codes of the API's JSON errors.
const (
	CodeBadRequest           = "bad_request"            // 400: a malformed request body
	CodeInvalidParameter     = "invalid_parameter"      // 400: an unknown, repeated or bad query parameter
	CodeInvalidCursor        = "invalid_cursor"         // 400: a cursor not given by this API for this query
	CodeInvalidQuery         = "invalid_query"          // 400: a search query with nothing to search for
	CodeUnauthorized         = "unauthorized"           // 401: a write without the bearer token
	CodeForbidden            = "forbidden"              // 403: a cross-origin write, or a foreign Host
	CodeNotFound             = "not_found"              // 404
	CodeMethodNotAllowed     = "method_not_allowed"     // 405
	CodeTooLarge             = "too_large"              // 413: a request body over the limit
	CodeUnsupportedMediaType = "unsupported_media_type" // 415: a POST body that is not application/json
	CodeInvalidArticle       = "invalid_article"        // 422: no posted record could be stored
	CodeInternal             = "internal"               // 500
	CodeNotReady             = "not_ready"              // 503: a story whose object is being built; retry
	CodeUnavailable          = "unavailable"            // 503: the service cannot do this now
)

// ErrorBody is the JSON of every error response.
type ErrorBody struct {
	Error ErrorDetail `json:"error"`
}

// ErrorDetail is the code (one of the Code constants) and a message for
// people.
type ErrorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// WriteError writes a JSON error response.
func WriteError(w http.ResponseWriter, status int, code, message string) {
	WriteJSON(w, status, ErrorBody{Error: ErrorDetail{Code: code, Message: message}})
}

// WriteJSON writes v as a JSON response. The encoder escapes <, > and & in
// strings, so no JSON response can be read as HTML.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		// Only unencodable values (a programming error) get here.
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"error":{"code":"internal","message":"response could not be encoded"}}` + "\n")
	}
	writeBody(w, status, "application/json; charset=utf-8", buf.Bytes())
}

// writeRawJSON writes JSON bytes from the store, with <, >, & and the
// JavaScript line separators escaped inside strings (the same JSON value,
// never readable as HTML).
func writeRawJSON(w http.ResponseWriter, status int, raw []byte) {
	var buf bytes.Buffer
	buf.Grow(len(raw) + 64)
	json.HTMLEscape(&buf, raw)
	buf.WriteByte('\n')
	writeBody(w, status, "application/json; charset=utf-8", buf.Bytes())
}

func writeBody(w http.ResponseWriter, status int, contentType string, b []byte) {
	h := w.Header()
	h.Set("Content-Type", contentType)
	h.Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	w.Write(b)
}

// paramError is a problem with a request's parameters or body, shown to the
// client as is.
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }

func errorf(format string, args ...any) error {
	return &paramError{msg: fmt.Sprintf(format, args...)}
}

// internalError logs err and answers 500 without its details.
func (a *API) internalError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, r.Context().Err()) && r.Context().Err() != nil {
		// The client went away or the server is shutting down.
		a.log.Info("request abandoned", "path", r.URL.Path, "err", err)
		WriteError(w, http.StatusServiceUnavailable, CodeUnavailable, "request abandoned")
		return
	}
	a.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	WriteError(w, http.StatusInternalServerError, CodeInternal, "internal error; see the server log")
}
