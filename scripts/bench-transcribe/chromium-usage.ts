/**
 * CPU time and peak memory of the Chromium processes this Node process launched (all its
 * descendants in /proc: browser, renderer with the bench's workers, GPU/utility processes), as
 * the Node bench reads them for itself with process.cpuUsage() and maxRSS. Linux only.
 */
import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessStat {
  pid: number;
  ppid: number;
  cpuTicks: number;
}

function readStat(pid: string): ProcessStat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name is in parentheses and may hold spaces: fields start after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // fields[0] is state (field 3): ppid is field 4, utime 14, stime 15
    return {
      pid: Number(pid),
      ppid: Number(fields[1]),
      cpuTicks: Number(fields[11]) + Number(fields[12]),
    };
  } catch {
    return null; // exited meanwhile
  }
}

function descendants(root: number): ProcessStat[] {
  const all = fs
    .readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(readStat)
    .filter((s): s is ProcessStat => s !== null);
  const inTree = new Set([root]);
  // parents are usually listed before children, but not always: repeat until nothing is added
  for (let grew = true; grew;) {
    grew = false;
    for (const s of all)
      if (!inTree.has(s.pid) && inTree.has(s.ppid)) {
        inTree.add(s.pid);
        grew = true;
      }
  }
  return all.filter((s) => s.pid !== root && inTree.has(s.pid));
}

/** CPU milliseconds (all threads) of the live descendants of this process. */
export function descendantsCpuMs(): number {
  const ticks = descendants(process.pid).reduce((sum, s) => sum + s.cpuTicks, 0);
  return (ticks * 1000) / TICKS_PER_SECOND;
}

/** Largest peak resident set (VmHWM) among the descendants: the renderer running the bench. */
export function descendantsPeakRssMb(): number {
  let peakKb = 0;
  for (const s of descendants(process.pid)) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${s.pid}/status`, 'utf8'));
      peakKb = Math.max(peakKb, Number(match?.[1] ?? 0));
    } catch {
      // exited meanwhile
    }
  }
  return peakKb / 1024;
}
