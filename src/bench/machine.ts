import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, release, totalmem, type } from 'node:os';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgresql: string;
  /** 1, 5 and 15 minute load averages when the report was written: how busy the shared machine was. */
  loadAverage?: number[];
}

/** The first `model name` of /proc/cpuinfo (os.cpus() as a fallback). */
export function cpuModelFrom(cpuinfo: string | null): string {
  const match = cpuinfo ? /^model name\s*:\s*(.+)$/m.exec(cpuinfo) : null;
  return (match?.[1] ?? cpus()[0]?.model ?? 'unknown').trim();
}

export async function describeMachine(postgresqlVersion: string): Promise<MachineInfo> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => null);
  return {
    cpuModel: cpuModelFrom(cpuinfo),
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${release()}`,
    node: process.version,
    postgresql: postgresqlVersion,
    loadAverage: loadavg().map((value) => Math.round(value * 10) / 10),
  };
}
