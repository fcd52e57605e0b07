import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in a data folder that says which process runs FerretDB on it, for whom. */
export const CLAIM_FILE = 'clauseflow-ferretdb.json';

interface ClaimRecord {
  /** FerretDB's pid, -1 until it is known. */
  ferretdbPid: number;
  /** The process that started it and must stop it. */
  ownerPid: number;
  startedAt: string;
}

/** This process's hold on a data folder, until FerretDB on it stops. */
export interface DataDirClaim {
  /** Notes FerretDB's pid, so a later start can find it if this process dies without stopping it. */
  record(ferretdbPid: number): void;
  /** Gives the folder up (FerretDB stopped). */
  release(): void;
}

/**
 * Claims `dir` for a FerretDB this process is about to start. A FerretDB still running on the
 * folder for a live owner is never shared: the call refuses, naming both pids. One whose owner
 * is gone (a server killed with -9) is an orphan holding the port and the files: it is stopped,
 * and the log says so.
 */
export async function claimDataDir(dir: string, log: (line: string) => void): Promise<DataDirClaim> {
  const file = join(dir, CLAIM_FILE);
  const previous = readClaim(file);
  if (previous && previous.ferretdbPid > 0 && isFerretDbOn(previous.ferretdbPid, dir)) {
    if (previous.ownerPid !== process.pid && alive(previous.ownerPid)) {
      throw new Error(
        `The database folder ${dir} is in use by FerretDB (pid ${previous.ferretdbPid}) of the running ` +
          `process ${previous.ownerPid}. Stop that process first, or use another data folder.`,
      );
    }
    log(`stopping an orphaned FerretDB (pid ${previous.ferretdbPid}) left on ${dir} by process ${previous.ownerPid}`);
    await stopOrphan(previous.ferretdbPid);
  }
  const mine: ClaimRecord = { ferretdbPid: -1, ownerPid: process.pid, startedAt: new Date().toISOString() };
  writeFileSync(file, JSON.stringify(mine));
  return {
    record(ferretdbPid) {
      mine.ferretdbPid = ferretdbPid;
      writeFileSync(file, JSON.stringify(mine));
    },
    release() {
      const now = readClaim(file);
      if (now && now.ownerPid === process.pid) rmSync(file, { force: true });
    },
  };
}

function readClaim(file: string): ClaimRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ClaimRecord>;
    if (typeof parsed.ferretdbPid !== 'number' || typeof parsed.ownerPid !== 'number') return null;
    return { ferretdbPid: parsed.ferretdbPid, ownerPid: parsed.ownerPid, startedAt: String(parsed.startedAt) };
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when `pid` is a FerretDB serving `dir` (a recycled pid of another program is left alone). */
function isFerretDbOn(pid: number, dir: string): boolean {
  if (!alive(pid)) return false;
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return commandLine.some((arg) => arg.includes('ferretdb')) && commandLine.some((arg) => arg.includes(dir));
  } catch {
    return false;
  }
}

async function stopOrphan(pid: number): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // gone already
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 5_000;
  let delay = 10;
  while (alive(pid)) {
    if (Date.now() > deadline) {
      signal('SIGKILL');
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 200);
  }
  // A zombie (reaped only by its parent) no longer holds the port; wait until the port is free is the caller's check.
}
