package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// File is one input to read: a regular file or standard input.
type File struct {
	Path  string // as the user named it (or found under a directory); "-" is stdin
	Size  int64  // -1 when unknown (stdin)
	Stdin bool
}

// Problem is an input that could not be used, with the reason.
type Problem struct {
	Path string
	Err  error
}

func (p Problem) Error() string { return p.Path + ": " + p.Err.Error() }

func (p Problem) Unwrap() error { return p.Err }

// List expands paths into the files to read: files are kept, directories are
// walked recursively in lexical order (following symbolic links, with loops
// detected), and "-" stands for standard input. Hidden files and
// directories found while walking (".git", ".DS_Store") are skipped; named
// explicitly they are read. Inputs that cannot be used are returned as
// problems; the walk goes on past them.
func List(ctx context.Context, paths []string) ([]File, []Problem) {
	l := lister{ctx: ctx, seen: make(map[string]bool)}
	for _, p := range paths {
		if p == "-" {
			l.files = append(l.files, File{Path: "-", Size: -1, Stdin: true})
			continue
		}
		l.add(p, true)
	}
	return l.files, l.problems
}

type lister struct {
	ctx      context.Context
	files    []File
	problems []Problem
	seen     map[string]bool // real paths of directories being walked or walked
}

func (l *lister) fail(path string, err error) {
	l.problems = append(l.problems, Problem{Path: path, Err: err})
}

// add lists one path named by the user or found in a directory.
func (l *lister) add(path string, explicit bool) {
	if l.ctx.Err() != nil {
		return
	}
	fi, err := os.Stat(path) // follows symbolic links
	if err != nil {
		if errors.Is(err, syscall.ELOOP) {
			err = ErrLoop
		}
		l.fail(path, unwrapPathError(err))
		return
	}
	switch {
	case fi.IsDir():
		l.walkDir(path)
	case fi.Mode().IsRegular():
		l.files = append(l.files, File{Path: path, Size: fi.Size()})
	default:
		if explicit {
			l.fail(path, fmt.Errorf("not a regular file (%s)", fi.Mode().Type()))
		}
	}
}

// walkDir lists the directory at path, guarding against symlink loops.
func (l *lister) walkDir(path string) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		l.fail(path, unwrapPathError(err))
		return
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if l.seen[real] {
		l.fail(path, fmt.Errorf("%w: directory %s already visited", ErrLoop, real))
		return
	}
	l.seen[real] = true
	entries, err := os.ReadDir(path)
	if err != nil {
		l.fail(path, unwrapPathError(err))
		// ReadDir returns what it could read before the error.
	}
	for _, e := range entries {
		if l.ctx.Err() != nil {
			return
		}
		name := e.Name()
		if name[0] == '.' {
			continue
		}
		child := filepath.Join(path, name)
		switch {
		case e.Type()&fs.ModeSymlink != 0:
			l.add(child, false)
		case e.IsDir():
			l.walkDir(child)
		case e.Type().IsRegular():
			info, err := e.Info()
			if err != nil {
				l.fail(child, unwrapPathError(err))
				continue
			}
			l.files = append(l.files, File{Path: child, Size: info.Size()})
		}
	}
}

// unwrapPathError drops the *fs.PathError wrapper, whose path the caller
// reports anyway, keeping its reason ("permission denied").
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// ReadFile reads one listed file. A file that looks like JSON or JSON Lines
// may be up to MaxFileBytes; anything else is one article and may be up to
// MaxArticleBytes.
func ReadFile(f File, stdin io.Reader) ([]byte, error) {
	var r io.Reader = stdin
	if !f.Stdin {
		fh, err := os.Open(f.Path)
		if err != nil {
			return nil, unwrapPathError(err)
		}
		defer fh.Close()
		r = fh
	}
	head := make([]byte, 4096)
	n, err := io.ReadFull(r, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, unwrapPathError(err)
	}
	head = head[:n]
	limit := int64(MaxArticleBytes)
	if looksJSON(head) {
		limit = MaxFileBytes
	}
	if f.Size > limit {
		return nil, fmt.Errorf("%w (%s > %s)", ErrTooLarge, byteSize(f.Size), byteSize(limit))
	}
	rest, err := io.ReadAll(io.LimitReader(r, limit+1-int64(n)))
	if err != nil {
		return nil, unwrapPathError(err)
	}
	b := append(head, rest...)
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w (over %s)", ErrTooLarge, byteSize(limit))
	}
	return b, nil
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
