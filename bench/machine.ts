/** What the numbers were measured on: they mean little without it. */
import os from 'node:os';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  readonly loadAverage: { readonly start: readonly number[]; end?: readonly number[] };
  readonly date: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage: { start: os.loadavg().map((l) => Math.round(l * 100) / 100) },
    date: new Date().toISOString(),
  };
}

export function loadAverageNow(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}
