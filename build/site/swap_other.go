//go:build !linux

package site

import "errors"

// exchange is only atomic on Linux; elsewhere WriteTree falls back to two
// renames.
func exchange(a, b string) error { return errors.New("no atomic exchange on this system") }
