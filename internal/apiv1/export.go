package apiv1

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/internal/report"
	"github.com/parallax-news/parallax/internal/store"
)

// exportFormats are the formats of GET /stories/{id}/export, with their
// content types and file extensions.
var exportFormats = map[string]struct{ contentType, ext string }{
	"jsonl": {"application/x-ndjson; charset=utf-8", "jsonl"},
	"csv":   {"text/csv; charset=utf-8; header=present", "csv"},
	"md":    {"text/markdown; charset=utf-8", "md"},
}

// StoryWithArticles loads a story's stored object, decoded, and its
// articles in the story's order. It also returns the object's raw JSON.
func StoryWithArticles(ctx context.Context, st *store.Store, id string) (*report.Story, []report.Article, []byte, error) {
	raw, err := st.StoryBrief(ctx, id)
	if err != nil {
		return nil, nil, nil, err
	}
	var obj report.Story
	if err := json.Unmarshal(raw, &obj); err != nil {
		return nil, nil, nil, fmt.Errorf("story %s: stored object: %w", id, err)
	}
	arts, err := st.ArticlesByID(ctx, obj.Articles)
	if err != nil {
		return nil, nil, nil, err
	}
	byID := make(map[string]int, len(arts))
	for i := range arts {
		byID[arts[i].ID] = i
	}
	out := make([]report.Article, 0, len(arts))
	for _, aid := range obj.Articles {
		if i, ok := byID[aid]; ok {
			out = append(out, report.NewArticle(&arts[i], obj.ID))
		}
	}
	return &obj, out, raw, nil
}

// exportStory answers GET /api/v1/stories/{id}/export?format=jsonl|csv|md.
func (a *API) exportStory(w http.ResponseWriter, r *http.Request) {
	format := r.URL.Query().Get("format")
	if format == "" {
		format = "jsonl"
	}
	f, ok := exportFormats[format]
	if !ok {
		WriteError(w, http.StatusBadRequest, CodeInvalidParameter, "format must be jsonl, csv or md")
		return
	}
	id := r.PathValue("id")
	obj, arts, raw, err := StoryWithArticles(r.Context(), a.cfg.Store, id)
	if err != nil {
		a.storyError(w, r, id, err)
		return
	}
	var buf bytes.Buffer
	switch format {
	case "jsonl":
		err = writeJSONL(&buf, raw, arts)
	case "csv":
		err = writeCSV(&buf, obj, arts)
	case "md":
		err = report.Write(&buf, &report.Output{Articles: arts, Stories: []report.Story{*obj}}, report.FormatMarkdown)
	}
	if err != nil {
		a.internalError(w, r, err)
		return
	}
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="story-%s.%s"`, safeName(id), f.ext))
	writeBody(w, http.StatusOK, f.contentType, buf.Bytes())
}

// writeJSONL writes the story object ({"story":{...}}) and then one line
// per article ({"article":{...}}), HTML-escaped like every JSON response.
func writeJSONL(buf *bytes.Buffer, raw []byte, arts []report.Article) error {
	var compact bytes.Buffer
	if err := json.Compact(&compact, raw); err != nil {
		return fmt.Errorf("stored story object: %w", err)
	}
	buf.WriteString(`{"story":`)
	json.HTMLEscape(buf, compact.Bytes())
	buf.WriteString("}\n")
	enc := json.NewEncoder(buf)
	for i := range arts {
		if err := enc.Encode(struct {
			Article *report.Article `json:"article"`
		}{&arts[i]}); err != nil {
			return err
		}
	}
	return nil
}

// csvHeader are the columns of the CSV export: one row per article.
var csvHeader = []string{"story", "article", "title", "outlet", "byline", "wire", "url", "published",
	"dateline", "source", "score", "reason", "text"}

// writeCSV writes one row per article of the story. A cell that a
// spreadsheet would run as a formula (starting with =, +, -, @, tab or
// carriage return, and not a plain number) is prefixed with an apostrophe.
func writeCSV(buf *bytes.Buffer, obj *report.Story, arts []report.Article) error {
	why := make(map[string]report.Why, len(obj.Why))
	for _, wy := range obj.Why {
		why[wy.Article] = wy
	}
	cw := csv.NewWriter(buf)
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	for _, a := range arts {
		published := ""
		if a.Published != nil {
			published = *a.Published
		}
		wy := why[a.ID]
		row := []string{obj.ID, a.ID, a.Title, a.Outlet, a.Byline, a.Wire, a.URL, published, a.Dateline, a.Source,
			strconv.FormatFloat(wy.Score, 'f', -1, 64), wy.Reason, a.Text}
		for i := range row {
			row[i] = inertCell(row[i])
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// inertCell keeps a spreadsheet from reading a cell as a formula (a plain
// number such as -0.5 is left alone).
func inertCell(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err != nil {
		return "'" + s
	}
	return s
}

// safeName keeps the characters of id that are safe in a file name.
func safeName(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r < 128 && (r == '-' || r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		}
		if b.Len() >= 80 {
			break
		}
	}
	if b.Len() == 0 {
		return "story"
	}
	return b.String()
}
