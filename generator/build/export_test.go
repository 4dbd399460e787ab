package build

// WriteCorpus lets the benchmarks of package build_test, which use serve,
// write the benchmark site.
var WriteCorpus = writeCorpus
