package apiv1

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"

	"github.com/parallax-news/parallax/internal/ingest"
	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

// getArticle answers GET /api/v1/articles/{id} with the article as the
// story object contract shows it (with its story's ID, "" when not yet
// clustered).
func (a *API) getArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	art, err := a.cfg.Store.Article(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		WriteError(w, http.StatusNotFound, CodeNotFound, "no article "+truncate(id, 80))
		return
	}
	if err != nil {
		a.internalError(w, r, err)
		return
	}
	sid, err := a.cfg.Store.ArticleStory(r.Context(), id)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		a.internalError(w, r, err)
		return
	}
	WriteJSON(w, http.StatusOK, report.NewArticle(&art, sid))
}

// PostResult is the response to POST /api/v1/articles: the outcome of each
// posted record, in order, and their counts.
type PostResult struct {
	Results    []RecordResult `json:"results"`
	Created    int            `json:"created"`
	Duplicates int            `json:"duplicates"`
	Rejected   int            `json:"rejected"`
	// Error is set (with status 422) when no record could be stored.
	Error *ErrorDetail `json:"error,omitempty"`
}

// RecordResult is what became of one posted record.
type RecordResult struct {
	Index  int          `json:"index"`         // position in the posted array (0 for a single object)
	Status string       `json:"status"`        // created, duplicate or rejected
	ID     string       `json:"id,omitempty"`  // the stored article (new, or the copy already stored)
	URL    string       `json:"url,omitempty"` // its path in the API
	Error  *ErrorDetail `json:"error,omitempty"`
}

// Statuses of a posted record.
const (
	StatusCreated   = "created"
	StatusDuplicate = "duplicate"
	StatusRejected  = "rejected"
)

// posted is one record of a POST body, or why it cannot be used.
type posted struct {
	rec ingest.Record
	err error
}

// decodeArticles reads a POST body: one JSON article object or an array of
// them, with the fields ingest accepts (title, text or html, url, outlet,
// published, byline, and their common aliases). The body as a whole is
// refused when it is not such JSON; a record that cannot be used is
// reported in its place.
func decodeArticles(body []byte) ([]posted, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return nil, errorf("empty body: post a JSON article object or an array of them")
	}
	if !json.Valid(body) {
		var v any
		err := json.Unmarshal(body, &v)
		return nil, errorf("body is not valid JSON: %v", err)
	}
	var items []json.RawMessage
	switch body[0] {
	case '{':
		items = []json.RawMessage{body}
	case '[':
		if err := json.Unmarshal(body, &items); err != nil {
			return nil, errorf("body is not a JSON array: %v", err)
		}
		if len(items) == 0 {
			return nil, errorf("empty array: nothing to ingest")
		}
	default:
		return nil, errorf("body must be a JSON article object or an array of them")
	}
	out := make([]posted, len(items))
	for i, raw := range items {
		out[i] = decodeOne(fmt.Sprintf("api#%d", i+1), bytes.TrimSpace(raw))
	}
	return out, nil
}

// decodeOne reads one article object with ingest's JSON reader.
func decodeOne(source string, raw []byte) posted {
	if len(raw) == 0 || raw[0] != '{' {
		return posted{err: errors.New("not a JSON object")}
	}
	var p posted
	got := false
	err := ingest.Parse(source, raw, func(r ingest.Record) error {
		p.rec, got = r, true
		return nil
	}, func(pr ingest.Problem) { p.err = pr.Err })
	switch {
	case err != nil:
		p.err = err
	case p.err == nil && !got:
		p.err = errors.New("no article in the object")
	}
	return p
}

// postArticles answers POST /api/v1/articles: it ingests the posted
// records, schedules the story update and reports on each record.
func (a *API) postArticles(w http.ResponseWriter, r *http.Request) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		WriteError(w, http.StatusUnsupportedMediaType, CodeUnsupportedMediaType, "post articles as Content-Type: application/json")
		return
	}
	body, err := io.ReadAll(r.Body)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		WriteError(w, http.StatusRequestEntityTooLarge, CodeTooLarge, fmt.Sprintf("request body over %d bytes", tooBig.Limit))
		return
	case err != nil:
		WriteError(w, http.StatusBadRequest, CodeBadRequest, "reading the body: "+err.Error())
		return
	}
	items, err := decodeArticles(body)
	if err != nil {
		WriteError(w, http.StatusBadRequest, CodeBadRequest, err.Error())
		return
	}
	if a.cfg.Ingest == nil {
		WriteError(w, http.StatusServiceUnavailable, CodeUnavailable, "this server does not ingest")
		return
	}
	var recs []ingest.Record
	var at []int // index in items of each record
	for i, it := range items {
		if it.err == nil {
			recs = append(recs, it.rec)
			at = append(at, i)
		}
	}
	res := PostResult{Results: make([]RecordResult, len(items))}
	for i, it := range items {
		res.Results[i] = RecordResult{Index: i}
		if it.err != nil {
			res.Results[i].reject(it.err)
		}
	}
	if len(recs) > 0 {
		outs, err := a.cfg.Ingest(r.Context(), recs)
		if err != nil {
			a.internalError(w, r, err)
			return
		}
		for k, o := range outs {
			rr := &res.Results[at[k]]
			switch {
			case o.Err != nil:
				rr.reject(o.Err)
			case o.New:
				rr.Status, rr.ID = StatusCreated, o.ID
			default:
				rr.Status, rr.ID = StatusDuplicate, o.ID
			}
			if rr.ID != "" {
				rr.URL = Prefix + "articles/" + url.PathEscape(rr.ID)
			}
		}
	}
	for _, rr := range res.Results {
		switch rr.Status {
		case StatusCreated:
			res.Created++
		case StatusDuplicate:
			res.Duplicates++
		default:
			res.Rejected++
		}
	}
	status := http.StatusOK
	if res.Created+res.Duplicates == 0 {
		status = http.StatusUnprocessableEntity
		res.Error = &ErrorDetail{Code: CodeInvalidArticle, Message: "no posted record could be stored; see results"}
	}
	WriteJSON(w, status, res)
}

func (rr *RecordResult) reject(err error) {
	var pr *ingest.Problem
	if errors.As(err, &pr) {
		err = pr.Err // without the record's "api#N" source
	}
	rr.Status = StatusRejected
	rr.Error = &ErrorDetail{Code: CodeInvalidArticle, Message: err.Error()}
}
