/**
 * One data:sync at a time per DATA_SYNC_DIR (two would write the same partial files): a lock file
 * holding the owner's pid, taken with O_EXCL; a lock whose process is gone is taken over.
 */
import fs from "node:fs";
import path from "node:path";

export function acquireSyncLock(dir: string): (() => void) | null {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "sync.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (isAlive(Number(fs.readFileSync(file, "utf8").trim()))) return null;
      fs.rmSync(file, { force: true });
    }
  }
  return null;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
