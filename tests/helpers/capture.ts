import { vi } from 'vitest';

/** Runs a CLI command's `run(args)` in-process and captures what it writes to stdout and stderr. */
export async function captureRun(run: (args: string[]) => Promise<number>, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await run(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
