// Preloaded into a measured process (NODE_OPTIONS=--require): at exit, writes the process's peak
// resident memory (worker threads included) in MB to the file BENCH_PEAK_FILE names.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_PEAK_FILE) writeFileSync(process.env.BENCH_PEAK_FILE, String(Math.round(process.resourceUsage().maxRSS / 1024)));
});
