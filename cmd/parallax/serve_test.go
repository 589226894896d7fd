package main

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/parallax-news/parallax/internal/server"
)

func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	for _, args := range [][]string{
		{"serve", "--db", db, "--addr", "0.0.0.0:0"},
		{"serve", "--db", db, "--addr", ":0"},
		{"serve", "--db", db, "--addr", "0.0.0.0:0", "--token", "short"},
	} {
		r := runCmd(t, "", args...)
		if r.code == 0 || !strings.Contains(r.stderr, "token") {
			t.Errorf("%v: exit %d, stderr %q; want a refusal naming the token", args, r.code, r.stderr)
		}
	}
}

// TestServeRunsAndStops starts "parallax serve" as a process, reads its
// address from the JSON log, talks to it, and stops it with SIGTERM.
func TestServeRunsAndStops(t *testing.T) {
	db := filepath.Join(t.TempDir(), "p.db")
	cmd := command("serve", "--db", db, "--addr", "127.0.0.1:0", "--log-format", "json", "--update-delay", "10ms")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	logs := bufio.NewScanner(stderr)
	var addr string
	for addr == "" && logs.Scan() {
		var rec struct{ Msg, Addr string }
		if err := json.Unmarshal(logs.Bytes(), &rec); err != nil {
			t.Fatalf("log line is not JSON: %q", logs.Text())
		}
		if rec.Msg == "serving" {
			addr = rec.Addr
		}
	}
	if addr == "" {
		t.Fatal("no 'serving' log line")
	}
	rest := make(chan string, 1)
	go func() { b, _ := io.ReadAll(stderr); rest <- string(b) }()

	res, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 || res.Header.Get("Content-Security-Policy") != server.ContentSecurityPolicy {
		t.Errorf("healthz: %d, CSP %q", res.StatusCode, res.Header.Get("Content-Security-Policy"))
	}
	res, err = http.Post("http://"+addr+"/api/v1/articles", "application/json",
		strings.NewReader(`{"title":"Council vote","text":"The council voted to approve the library budget on Tuesday."}`))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("POST: %d", res.StatusCode)
	}
	// The background update makes a story of it.
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/api/v1/stories")
		if err != nil {
			t.Fatal(err)
		}
		var list struct{ Stories []struct{ Ready bool } }
		json.NewDecoder(res.Body).Decode(&list)
		res.Body.Close()
		if len(list.Stories) == 1 && list.Stories[0].Ready {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("no story after the update")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Errorf("serve exited with %v after SIGTERM", err)
	}
	if out := <-rest; !strings.Contains(out, `"msg":"stopped"`) || !strings.Contains(out, `"msg":"request"`) {
		t.Errorf("logs lack the request and stop lines:\n%s", out)
	}
}
