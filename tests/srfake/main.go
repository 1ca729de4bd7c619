// Command srfake serves franz-go's in-memory fake of the Confluent Schema Registry
// REST API on a loopback port, so that eddy's registry client and `eddy schemas` are
// tested against a registry eddy's team did not write. It prints the URL on the first
// line of stdout and serves until its stdin closes or it gets SIGINT/SIGTERM.
//
// -auth VALUE makes it refuse every request whose Authorization header is not exactly
// VALUE (e.g. "Basic dTpw"), for the wrong-credentials tests.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/twmb/franz-go/pkg/sr/srfake"
)

func main() {
	auth := flag.String("auth", "", "the exact Authorization header to require")
	flag.Parse()
	var opts []srfake.Option
	if *auth != "" {
		opts = append(opts, srfake.WithAuth(*auth))
	}
	reg := srfake.New(opts...)
	defer reg.Close()
	fmt.Println(reg.URL())

	done := make(chan struct{}, 2)
	go func() {
		// The test holds our stdin: when it goes away, so do we.
		_, _ = io.Copy(io.Discard, os.Stdin)
		done <- struct{}{}
	}()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	go func() {
		<-signals
		done <- struct{}{}
	}()
	<-done
}
