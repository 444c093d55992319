import os from 'node:os';

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
  };
}
