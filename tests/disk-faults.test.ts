/**
 * Disk faults during training: a full filesystem, a logdir made read-only mid-run (a read-only bind
 * mount: files opened after it fail, as Linux keeps already-open files writable), and a logdir
 * deleted mid-run. Each runs in a child process on a small tmpfs (mounted by the test; needs root):
 * the writer reports a clear error through its API (the 'error' event and rejected flush/close),
 * the callback warns once, training completes all its steps, nothing is left as an unhandled
 * rejection, and the process exits normally. Under CI=true a machine that cannot mount a tmpfs
 * fails the test instead of skipping it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function canMount(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'gradwatch-mnt-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI === 'true')
      throw new Error('the disk-fault tests need to mount a tmpfs (run as root) under CI=true');
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface Outcome {
  steps: number;
  writerErrors: string[];
  warnings: string[];
  unhandled: string[];
}

function run(fault: 'full' | 'readonly' | 'deleted'): { code: number | null; out: Outcome } {
  const mount = mkdtempSync(join(tmpdir(), 'gradwatch-mnt-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mount]);
  try {
    const r = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'tests/fixtures/disk-fault-child.ts'),
        join(mount, 'logs'),
        fault,
        mount,
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    const line = r.stdout.trim().split('\n').pop() ?? '';
    return { code: r.status, out: JSON.parse(line) as Outcome };
  } finally {
    spawnSync('umount', ['-l', join(mount, 'logs')]); // the read-only bind mount, if any
    execFileSync('umount', ['-l', mount]);
    rmSync(mount, { recursive: true, force: true });
  }
}

describe.skipIf(!canMount())('disk faults during training', () => {
  for (const fault of ['full', 'readonly', 'deleted'] as const) {
    it(`${fault}: clear errors, training completes, the process exits normally`, { timeout: 150_000 }, () => {
      const { code, out } = run(fault);
      expect(code).toBe(0);
      expect(out.steps).toBe(60);
      expect(out.unhandled).toEqual([]);
      if (fault === 'deleted') {
        // The writer notices its file was deleted and continues in a new one (the directory is recreated).
        expect(out.writerErrors.join('\n') + out.warnings.join('\n')).toMatch(
          /deleted|ENOENT|new file|re-?creat/i,
        );
      } else {
        const code = fault === 'full' ? 'ENOSPC' : 'EROFS';
        expect(out.writerErrors.some((e) => e.includes(code))).toBe(true);
        // The callback reports I/O errors once per kind, not once per step.
        const cbWarnings = out.warnings.filter((w) => w.includes(code));
        expect(cbWarnings.length).toBeGreaterThan(0);
        expect(cbWarnings.length).toBeLessThanOrEqual(3);
      }
    });
  }
});
