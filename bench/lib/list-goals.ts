import type { Measurement, MeasurementLog } from './measurement-log.js';

/** One goal of issue 6 and how this run did against it. */
export interface GoalResult {
  goal: string;
  measured: string;
  status: 'met' | 'not met' | 'not measured' | 'reported';
}

function find(log: MeasurementLog, predicate: (row: Measurement) => boolean): Measurement[] {
  return log.rows.filter(predicate);
}

function check(goal: string, row: Measurement | undefined, value: (row: Measurement) => number,
  format: (value: number) => string, ok: (value: number) => boolean): GoalResult {
  if (row === undefined) return { goal, measured: '', status: 'not measured' };
  const measured = value(row);
  return { goal, measured: format(measured), status: ok(measured) ? 'met' : 'not met' };
}

/** Every goal of the issue, read off the measurements of this run. */
export function listGoals(log: MeasurementLog): GoalResult[] {
  const goals: GoalResult[] = [];
  const median = (row: Measurement) => row.summary.median;
  for (const row of find(log, (candidate) => /^throughput\.\d+mb\.ratio$/u.test(candidate.id))) {
    const cpu = log.rows.find((candidate) => candidate.id === row.id.replace(/ratio$/u, 'cpu-ratio'));
    goals.push(check(`indexing, ${row.label.split(':')[0]}: footnote ÷ peer ≥ 3×`, row, median,
      (value) => `${value.toFixed(2)}× wall (${cpu ? `${cpu.summary.median.toFixed(2)}× CPU` : ''})`, (value) => value >= 3));
  }
  const byId = (id: string) => log.rows.find((row) => row.id === id);
  goals.push(check('1 of 10,000 files changed, in-process ≤ 1 s', byId('incremental.one-file'), median,
    (value) => `${value.toFixed(0)} ms`, (value) => value <= 1000));
  goals.push(check('1 of 10,000 files changed, spawned CLI ≤ 1 s', byId('incremental.one-file-cli'), median,
    (value) => `${value.toFixed(0)} ms`, (value) => value <= 1000));
  const p95 = (row: Measurement) => row.summary.p95;
  goals.push(check('retrieve p95 ≤ 10 ms at 100k chunks', byId('query.100000.latency'), p95,
    (value) => `${value.toFixed(1)} ms`, (value) => value <= 10));
  goals.push(check('retrieve p95 ≤ 30 ms at 1M chunks', byId('query.1000000.latency'), p95,
    (value) => `${value.toFixed(1)} ms`, (value) => value <= 30));
  for (const row of find(log, (candidate) => /^query\.\d+\.recall$/u.test(candidate.id))) {
    // The row says whether that size searches the graph or scans (FLAT_MAX_NUMBERS).
    goals.push(check(`vector search recall@10 ≥ 0.98 at ${Number(row.id.split('.')[1]).toLocaleString('en-US')} chunks`, row,
      median, (value) => value.toFixed(3), (value) => value >= 0.98));
  }
  goals.push(check('`footnote ask --json` wall ≤ 0.5 s', byId('ask.cli'), median,
    (value) => `${value.toFixed(0)} ms`, (value) => value <= 500));
  const chat = byId('chat.startup');
  if (chat) goals.push({ goal: 'chat app: spawn → accepts input', measured: `${median(chat).toFixed(0)} ms`, status: 'reported' });
  const indexRss = find(log, (row) => /^throughput\.\d+mb\.footnote\.rss$/u.test(row.id)).at(-1);
  if (indexRss) goals.push({ goal: `peak RSS indexing the largest corpus (${indexRss.label.split(':')[0]})`,
    measured: `${median(indexRss).toFixed(0)} MB`, status: 'reported' });
  const serveRss = find(log, (row) => /^query\.\d+\.rss$/u.test(row.id)).at(-1);
  if (serveRss) goals.push({ goal: `RSS serving the largest index (${Number(serveRss.id.split('.')[1]).toLocaleString('en-US')} chunks)`,
    measured: `${median(serveRss).toFixed(0)} MB`, status: 'reported' });
  return goals;
}
