import { pathToFileURL } from 'node:url';

/** Prints one benchmark's figures as an aligned table. */
export function printTable(title: string, rows: string[][]) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  console.log(`\n${title}`);
  for (const row of rows) console.log('  ' + row.map((cell, i) => cell.padEnd(widths[i])).join('   '));
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs a benchmark when its file is executed directly (`npx tsx supabase/bench/<name>.ts`). */
export function runWhenMain(moduleUrl: string, run: () => Promise<void>) {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  run().then(
    () => process.exit(0),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
