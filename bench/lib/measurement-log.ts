import { summarizeSamples, type SampleSummary } from './summarize-samples.js';

/** Units the bench reports in. */
export type Unit = 'ms' | 's' | 'MB' | 'MB/s' | 'chunks/s' | 'count' | 'ratio' | 'fraction' | 'bytes';

/** One measured quantity: every sample plus its summary. */
export interface Measurement {
  /** Stable key for scripts comparing runs, e.g. `sample.index.cli`. */
  id: string;
  /** Section of bench.md the row belongs to. */
  section: string;
  label: string;
  unit: Unit;
  samples: number[];
  summary: SampleSummary;
  note?: string;
}

/** Collects measurements in the order they are taken. */
export class MeasurementLog {
  readonly rows: Measurement[] = [];

  /** Records `samples` (at least one) under `id` and returns the row. */
  add(
    section: string,
    id: string,
    label: string,
    unit: Unit,
    samples: readonly number[],
    note?: string,
  ): Measurement {
    const row: Measurement = {
      id,
      section,
      label,
      unit,
      samples: [...samples],
      summary: summarizeSamples(samples),
      ...(note === undefined ? {} : { note }),
    };
    this.rows.push(row);
    return row;
  }

  /** The row recorded under `id`; throws when there is none (a bench bug). */
  get(id: string): Measurement {
    const row = this.rows.find((candidate) => candidate.id === id);
    if (!row) throw new Error(`no measurement ${id}`);
    return row;
  }
}

/** Bytes in MB (10^6), the unit throughput is quoted in. */
export const BYTES_PER_MB = 1e6;
