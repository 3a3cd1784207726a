import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/** CPU time a process has used so far (user + system), in milliseconds, and its resident memory. */
export interface ProcessUsage {
  cpuMs: number;
  rssBytes: number;
}

let ticksPerSecond: number | null = null;

/** The kernel's clock tick (`getconf CLK_TCK`; 100 on Linux unless configured otherwise). */
async function clockTicks(): Promise<number> {
  if (ticksPerSecond === null) {
    const { stdout } = await promisify(execFile)('getconf', ['CLK_TCK']).catch(() => ({ stdout: '100' }));
    ticksPerSecond = Number(stdout.trim()) || 100;
  }
  return ticksPerSecond;
}

/**
 * utime and stime (fields 14 and 15) and rss (field 24, in pages) of a `/proc/<pid>/stat` line. The
 * command name (field 2) is in parentheses and may hold spaces, so fields are counted after its `)`.
 */
export function parseProcStat(stat: string, ticks: number, pageBytes = 4096): ProcessUsage {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): field N is fields[N - 3].
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  const rssPages = Number(fields[21]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`unreadable /proc stat: ${stat}`);
  return { cpuMs: ((utime + stime) * 1000) / ticks, rssBytes: rssPages * pageBytes };
}

/** The usage of one process, or null when it has exited (or /proc is not there). */
export async function processUsage(pid: number): Promise<ProcessUsage | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  return stat === null ? null : parseProcStat(stat, await clockTicks());
}

/** CPU milliseconds of several processes, by pid (the ones that have exited are left out). */
export async function cpuByPid(pids: readonly number[]): Promise<Map<number, number>> {
  const usages = await Promise.all(pids.map(async (pid) => [pid, await processUsage(pid)] as const));
  return new Map(usages.filter(([, usage]) => usage !== null).map(([pid, usage]) => [pid, usage!.cpuMs]));
}

/**
 * CPU used between two readings: a process seen only in the second started in between (all its time
 * counts); one seen only in the first has exited and its last interval is lost (rare: pooled backends
 * live as long as their pool).
 */
export function cpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}
