// echarts/lib/processor/dataSample.js: thinning a line or bar series
// (series.sampling), which nianbao never sets: a report's series have one
// point a year.
export default function dataSample(seriesType) {
  return { seriesType: seriesType, reset: function () {} };
}
