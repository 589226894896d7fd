package apiv1

import (
	_ "embed"
	"net/http"
)

//go:embed openapi.json
var openAPIDoc string

// OpenAPI returns the OpenAPI 3 document of the API (and of the server's
// /healthz and /metrics), served at /api/v1/openapi.json.
func OpenAPI() []byte { return []byte(openAPIDoc) }

// openAPI answers GET /api/v1/openapi.json.
func (a *API) openAPI(w http.ResponseWriter, r *http.Request) {
	writeBody(w, http.StatusOK, "application/json; charset=utf-8", OpenAPI())
}
