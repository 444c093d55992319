import type { BreakdownRow } from './bench-ask-breakdown.js';
import type { GoalResult } from './list-goals.js';
import type { Measurement, Unit } from './measurement-log.js';
import type { SystemInfo } from './system-info.js';

function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function formatValue(value: number, unit: Unit): string {
  if (unit === 'ratio') return `${value.toFixed(2)}×`;
  if (unit === 'count') return String(Math.round(value));
  if (unit === 'fraction') return value.toFixed(3);
  if (unit === 'bytes') return `${Math.round(value).toLocaleString('en-US')} bytes`;
  return `${formatNumber(value)} ${unit}`;
}

function formatMeasurement(row: Measurement): string {
  const { median, min, max, runs } = row.summary;
  const range = runs > 1 ? `${formatValue(min, row.unit)} – ${formatValue(max, row.unit)}` : '';
  const p95 = runs >= 20 ? ` (p95 ${formatValue(row.summary.p95, row.unit)})` : '';
  return `| ${row.label} | ${formatValue(median, row.unit)}${p95} | ${range} | ${runs} | ${row.note ?? ''} |`;
}

/** bench.md: the machine, one table per section, and the ask breakdown. */
export function formatReport(
  system: SystemInfo,
  measurements: readonly Measurement[],
  goals: readonly GoalResult[],
  breakdown: readonly BreakdownRow[],
  totalSeconds: number,
  loadAverageAtEnd: readonly number[],
  run: { quick: boolean; skipped: readonly string[] },
): string {
  const formatLoad = (loads: readonly number[]): string => loads.map((load) => load.toFixed(1)).join(' / ');
  const lines = [
    '# footnote bench',
    '',
    `${system.date} · node ${system.node} · ${system.cpuModel} × ${system.cpuCount} · ` +
      `load average (1/5/15 min) at start ${formatLoad(system.loadAverageAtStart)}, ` +
      `at end ${formatLoad(loadAverageAtEnd)} · bench took ${totalSeconds.toFixed(0)} s` +
      (run.quick ? ' · `--quick`' : ''),
    '',
    'Wall times on a machine whose cores other work may share: read the load averages first. footnote and the',
    'peer alternate in each round, so load falls on both and the ratio holds better than either figure.',
    `footnote's hnswlib-node: ${system.hnswlibBuild === 'portable' ? "npm's portable build" : `rebuilt with ` +
      `\`${system.hnswlibBuild}\` by its postinstall (bin/tune-native.js)`}; the peer's: npm's portable build.`,
    '',
    '## Goals',
    '',
    '| goal | measured (median) | status |',
    '| --- | --- | --- |',
    ...goals.map((goal) => `| ${goal.goal} | ${goal.measured} | ${goal.status} |`),
  ];
  if (run.skipped.length > 0) {
    lines.push('', 'Not measured in this run:', '', ...run.skipped.map((reason) => `- ${reason}`));
  }
  const sections = [...new Set(measurements.map((row) => row.section))];
  for (const section of sections) {
    lines.push('', `## ${section}`, '', '| measurement | median | min – max | runs | note |', '| --- | --- | --- | --- | --- |');
    for (const row of measurements.filter((candidate) => candidate.section === section)) {
      lines.push(formatMeasurement(row));
    }
  }
  if (breakdown.length > 0) lines.push(
    '',
    '## Where `footnote ask --json` spends its wall time (medians)',
    '',
    'The walk runs the sources and imports each group from node_modules; the shipped CLI (the last row) runs ' +
      'dist/, which bundles yargs, zod, htmlparser2 and ignore (bin/build-cli.js) and never imports the openai group ' +
      'offline, so its wall time is less than the sum of the rows.',
    '',
    '| step | through tsx | plain node, no tsx hooks | share of CLI wall |',
    '| --- | --- | --- | --- |',
    ...breakdown.map((row) =>
      `| ${row.step} | ${formatNumber(row.medianMs)} ms | ` +
        `${row.plainNodeMedianMs === undefined ? '' : `${formatNumber(row.plainNodeMedianMs)} ms`} | ` +
        `${(row.shareOfCli * 100).toFixed(0)}% |`),
  );
  return `${lines.join('\n')}\n`;
}
