package web

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/websocket"
)

// This file drives headless Chromium over the Chrome DevTools Protocol
// (a JSON-RPC over one websocket), with no dependency beyond x/net.

// browserPaths are where a Chromium or Chrome binary is looked for.
var browserPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}

// findBrowser returns the browser to use: $PARALLAX_BROWSER, else the
// first of browserPaths that exists, else "".
func findBrowser() string {
	if p := os.Getenv("PARALLAX_BROWSER"); p != "" {
		return p
	}
	for _, p := range browserPaths {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	return ""
}

// browser is a running headless Chromium and its DevTools connection.
type browser struct {
	cmd  *exec.Cmd
	ws   *websocket.Conn
	done chan struct{}

	mu      sync.Mutex
	nextID  int
	waiting map[int]chan cdpMessage
	events  []cdpMessage
	notify  chan struct{} // closed and replaced when an event arrives
}

// cdpMessage is a DevTools message: a response (ID set) or an event.
type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// startBrowser runs the browser at path headless and connects to it.
func startBrowser(t testing.TB, path string) *browser {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	// The profile directory is removed by our own cleanup, after the whole
	// browser (its helper processes too) has exited: t.TempDir's removal
	// can race with helpers still writing to it.
	profile, err := os.MkdirTemp("", "parallax-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, path,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
		"--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
		"--remote-allow-origins=http://127.0.0.1",
		"--user-data-dir="+profile, "about:blank")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("starting %s: %v", path, err)
	}
	b := &browser{cmd: cmd, done: make(chan struct{}), waiting: map[int]chan cdpMessage{}, notify: make(chan struct{})}
	t.Cleanup(func() {
		if b.ws != nil {
			b.ws.Close()
		}
		cancel()
		cmd.Wait()
		for i := 0; i < 50; i++ { // helpers may take a moment to die
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	wsURL, err := devtoolsURL(stderr, 30*time.Second)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	ws, err := websocket.Dial(wsURL, "", "http://127.0.0.1")
	if err != nil {
		t.Fatalf("connecting to the browser: %v", err)
	}
	ws.MaxPayloadBytes = 256 << 20 // screenshots
	b.ws = ws
	go b.read()
	return b
}

// devtoolsURL reads the browser's stderr until it announces its DevTools
// websocket, then drains the rest in the background.
func devtoolsURL(stderr io.Reader, timeout time.Duration) (string, error) {
	found := make(chan string, 1)
	var lines []string
	var mu sync.Mutex
	go func() {
		sc := bufio.NewScanner(stderr)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			if _, u, ok := strings.Cut(line, "DevTools listening on "); ok && !sent {
				found <- strings.TrimSpace(u)
				sent = true
			}
			mu.Lock()
			if len(lines) < 50 {
				lines = append(lines, line)
			}
			mu.Unlock()
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case u, ok := <-found:
		if ok {
			return u, nil
		}
	case <-time.After(timeout):
	}
	mu.Lock()
	defer mu.Unlock()
	return "", fmt.Errorf("the browser did not announce its DevTools address:\n%s", strings.Join(lines, "\n"))
}

// read dispatches the browser's messages until the connection closes.
func (b *browser) read() {
	defer close(b.done)
	for {
		var raw []byte
		if err := websocket.Message.Receive(b.ws, &raw); err != nil {
			return
		}
		var m cdpMessage
		if json.Unmarshal(raw, &m) != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.waiting[m.ID]; ok {
				delete(b.waiting, m.ID)
				ch <- m
			}
		} else {
			if m.Method == "Page.javascriptDialogOpening" {
				// Dismiss it, or the page stays blocked; the test
				// reports it from the event log.
				go b.call(m.SessionID, "Page.handleJavaScriptDialog", map[string]any{"accept": false}, nil)
			}
			b.events = append(b.events, m)
			close(b.notify)
			b.notify = make(chan struct{})
		}
		b.mu.Unlock()
	}
}

// call sends a command (to a page session when session is not "") and
// decodes its result into result (when not nil).
func (b *browser) call(session, method string, params, result any) error {
	if params == nil {
		params = struct{}{}
	}
	p, err := json.Marshal(params)
	if err != nil {
		return err
	}
	ch := make(chan cdpMessage, 1)
	b.mu.Lock()
	b.nextID++
	id := b.nextID
	b.waiting[id] = ch
	b.mu.Unlock()
	msg, _ := json.Marshal(cdpMessage{ID: id, Method: method, Params: p, SessionID: session})
	if err := websocket.Message.Send(b.ws, string(msg)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-ch:
		if m.Error != nil {
			return fmt.Errorf("%s: %s (%d)", method, m.Error.Message, m.Error.Code)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-b.done:
		return fmt.Errorf("%s: the browser closed the connection", method)
	case <-time.After(60 * time.Second):
		return fmt.Errorf("%s: no answer in 60s", method)
	}
}

// waitEvent waits for an event of a session with the given method that
// arrived at or after index from of the event log, and returns its index.
func (b *browser) waitEvent(session, method string, from int, timeout time.Duration) (int, error) {
	deadline := time.After(timeout)
	for {
		b.mu.Lock()
		for i := from; i < len(b.events); i++ {
			if e := b.events[i]; e.Method == method && e.SessionID == session {
				b.mu.Unlock()
				return i, nil
			}
		}
		notify := b.notify
		b.mu.Unlock()
		select {
		case <-notify:
		case <-b.done:
			return 0, errors.New("the browser closed the connection")
		case <-deadline:
			return 0, fmt.Errorf("no %s in %v", method, timeout)
		}
	}
}

// eventCount is the length of the event log.
func (b *browser) eventCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.events)
}

// event returns the event at index i of the log.
func (b *browser) event(i int) cdpMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.events[i]
}

// eventsSince returns the events of session from index from on.
func (b *browser) eventsSince(session string, from int) []cdpMessage {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []cdpMessage
	for _, e := range b.events[from:] {
		if e.SessionID == session {
			out = append(out, e)
		}
	}
	return out
}

// page is one browser tab.
type page struct {
	b       *browser
	session string
}

// cspRecorder is run in every document before the page's own scripts (the
// browser exempts it from the page's CSP): it keeps the page's
// Content-Security-Policy violations where the test can read them.
const cspRecorder = `window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber);
});`

// newPage opens a tab of width × height CSS pixels with the console, log,
// page and runtime domains on.
func (b *browser) newPage(width, height int) (*page, error) {
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call("", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	var att struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call("", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &att); err != nil {
		return nil, err
	}
	p := &page{b: b, session: att.SessionID}
	for _, m := range []string{"Page.enable", "Runtime.enable", "Log.enable"} {
		if err := p.call(m, nil, nil); err != nil {
			return nil, err
		}
	}
	if err := p.call("Page.setLifecycleEventsEnabled", map[string]any{"enabled": true}, nil); err != nil {
		return nil, err
	}
	if err := p.call("Page.addScriptToEvaluateOnNewDocument", map[string]any{"source": cspRecorder}, nil); err != nil {
		return nil, err
	}
	return p, p.resize(width, height)
}

func (p *page) call(method string, params, result any) error {
	return p.b.call(p.session, method, params, result)
}

func (p *page) resize(width, height int) error {
	return p.call("Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600,
	}, nil)
}

// navigate loads url and waits for that document's load event.
func (p *page) navigate(url string) error {
	from := p.b.eventCount()
	var nav struct {
		LoaderID  string `json:"loaderId"`
		ErrorText string `json:"errorText"`
	}
	if err := p.call("Page.navigate", map[string]any{"url": url}, &nav); err != nil {
		return err
	}
	if nav.ErrorText != "" {
		return fmt.Errorf("navigating to %s: %s", url, nav.ErrorText)
	}
	for {
		i, err := p.b.waitEvent(p.session, "Page.lifecycleEvent", from, 30*time.Second)
		if err != nil {
			return fmt.Errorf("loading %s: %w", url, err)
		}
		from = i + 1
		var ev struct {
			LoaderID string `json:"loaderId"`
			Name     string `json:"name"`
		}
		json.Unmarshal(p.b.event(i).Params, &ev)
		if ev.Name == "load" && (ev.LoaderID == nav.LoaderID || nav.LoaderID == "") {
			return nil
		}
	}
}

// eval runs a JavaScript expression (awaiting a promise) and decodes its
// value into out.
func (p *page) eval(expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := p.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &res)
	if err != nil {
		return err
	}
	if d := res.ExceptionDetails; d != nil {
		return fmt.Errorf("evaluating %.60q: %s %s", expr, d.Text, d.Exception.Description)
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(res.Result.Value, out)
}

// screenshot returns a PNG of the whole page at the current width.
func (p *page) screenshot() ([]byte, error) {
	var m struct {
		CSSContentSize struct {
			Width, Height float64
		} `json:"cssContentSize"`
	}
	if err := p.call("Page.getLayoutMetrics", nil, &m); err != nil {
		return nil, err
	}
	var shot struct {
		Data string `json:"data"`
	}
	err := p.call("Page.captureScreenshot", map[string]any{
		"format": "png", "captureBeyondViewport": true,
		"clip": map[string]any{"x": 0, "y": 0, "width": m.CSSContentSize.Width, "height": m.CSSContentSize.Height, "scale": 1},
	}, &shot)
	if err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(shot.Data)
}

// consoleProblems lists the console errors, warnings, log entries of
// level error or warning, uncaught exceptions and JavaScript dialogs
// (alert, confirm, prompt) of the page since event index from.
func (p *page) consoleProblems(from int) []string {
	var out []string
	for _, e := range p.b.eventsSince(p.session, from) {
		switch e.Method {
		case "Runtime.consoleAPICalled":
			var c struct {
				Type string `json:"type"`
				Args []struct {
					Value       any    `json:"value"`
					Description string `json:"description"`
				} `json:"args"`
			}
			json.Unmarshal(e.Params, &c)
			if c.Type == "error" || c.Type == "warning" || c.Type == "assert" {
				var parts []string
				for _, a := range c.Args {
					parts = append(parts, fmt.Sprint(a.Value, a.Description))
				}
				out = append(out, "console."+c.Type+": "+strings.Join(parts, " "))
			}
		case "Log.entryAdded":
			var l struct {
				Entry struct {
					Source, Level, Text, URL string
				} `json:"entry"`
			}
			json.Unmarshal(e.Params, &l)
			if l.Entry.Level == "error" || l.Entry.Level == "warning" {
				out = append(out, fmt.Sprintf("log %s (%s): %s %s", l.Entry.Level, l.Entry.Source, l.Entry.Text, l.Entry.URL))
			}
		case "Runtime.exceptionThrown":
			out = append(out, "uncaught exception: "+string(e.Params))
		case "Page.javascriptDialogOpening":
			out = append(out, "a JavaScript dialog opened: "+string(e.Params))
		}
	}
	return out
}
