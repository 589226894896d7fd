package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain lets the test binary act as the parallax command when it is run
// with PARALLAX_AS_MAIN=1, so tests can start real processes (and kill them).
func TestMain(m *testing.M) {
	if os.Getenv("PARALLAX_AS_MAIN") == "1" {
		main()
		return
	}
	os.Exit(m.Run())
}

// result is what one in-process run of the command printed and returned.
type result struct {
	code           int
	stdout, stderr string
}

// runCmd runs the command in-process with args.
func runCmd(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return result{code: code, stdout: out.String(), stderr: errb.String()}
}

// command returns an exec.Cmd that runs this test binary as parallax.
func command(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "PARALLAX_AS_MAIN=1")
	return cmd
}
