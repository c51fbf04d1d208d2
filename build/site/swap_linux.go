package site

import "golang.org/x/sys/unix"

// exchange swaps two existing paths in one system call, so that a reader of
// either path never finds it missing.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
