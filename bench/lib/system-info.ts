import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

/** Where and when the bench ran; load averages show whether other work shared the cores. */
export interface SystemInfo {
  date: string;
  node: string;
  platform: string;
  cpuModel: string;
  cpuCount: number;
  totalMemoryBytes: number;
  /** 1, 5 and 15-minute load averages when the bench started. */
  loadAverageAtStart: number[];
  /** How footnote's hnswlib-node was compiled: the flags bin/tune-native.js used, or npm's portable default. */
  hnswlibBuild: string;
}

/** The flags bin/tune-native.js rebuilt hnswlib-node with (the peer keeps npm's own build), or 'portable'. */
function describeHnswlibBuild(): string {
  const addon = path.join(path.dirname(createRequire(import.meta.url).resolve('hnswlib-node/package.json')),
    'build', 'Release', 'addon.node');
  try {
    return fs.readFileSync(`${addon}.avx2`, 'utf8').trim().replace(/^tune \d+: /u, '');
  } catch {
    return 'portable';
  }
}

/** Describes the machine the bench is running on, now. */
export function describeSystem(): SystemInfo {
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    loadAverageAtStart: os.loadavg(),
    hnswlibBuild: describeHnswlibBuild(),
  };
}
