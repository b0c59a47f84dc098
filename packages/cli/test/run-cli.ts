import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const execFileP = promisify(execFile);
const bin = join(import.meta.dirname, "..", "dist", "bin.js");

/** Runs the built CLI with `args`; resolves to its exit code and output, whatever the code. */
export async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileP(process.execPath, [bin, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
