package main

import (
	"context"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
)

// stopSignals is a context cancelled by the first SIGINT or SIGTERM. After
// it, the signals have their default effect again, so a second Ctrl+C
// ends the program at once.
type stopSignals struct {
	context.Context
	caught atomic.Int32 // the signal's number, 0 until one comes
	stop   func()
}

func onStopSignals() *stopSignals {
	ctx, cancel := context.WithCancel(context.Background())
	s := &stopSignals{Context: ctx}
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-c:
			if n, ok := sig.(syscall.Signal); ok {
				s.caught.Store(int32(n))
			}
			signal.Stop(c)
			cancel()
		case <-done:
		}
	}()
	var once sync.Once
	s.stop = func() {
		once.Do(func() {
			signal.Stop(c)
			close(done)
			cancel()
		})
	}
	return s
}

// status is the exit status of a program the signal stopped: 128 plus
// the signal's number, as shells report it (130 for Ctrl+C, 143 for
// SIGTERM), so that scripts can tell an interruption from a failure.
func (s *stopSignals) status() int {
	if n := s.caught.Load(); n != 0 {
		return 128 + int(n)
	}
	return 1
}
