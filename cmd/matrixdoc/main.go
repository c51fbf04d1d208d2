// Command matrixdoc compiles the localized MABS protection matrix into a static
// site, JSON data and an offline bundle. See README.md.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "matrixdoc: not implemented yet")
	os.Exit(2)
}
