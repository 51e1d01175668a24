/**
 * `gradwatch watch` as users run it: started before training (the logdir does not exist yet), it
 * waits, prints the alerts as they appear, and exits on SIGINT with the code for what it saw.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exited, scalarEvent, spawnCli, writeEvents } from './analyze-helpers.js';
import { tempDir } from './helpers.js';

describe('gradwatch watch', () => {
  it('waits for a logdir that does not exist yet, then prints its alerts (issue 13 #10, #11)', async () => {
    const logdir = join(tempDir(), 'later');
    const child = spawnCli(['watch', logdir, '--interval', '50', '--fail-on', 'warning']);
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const result = exited(child);
    await new Promise((r) => setTimeout(r, 1500));
    expect(child.exitCode).toBeNull();
    // The spike is at the last step: reported once the run stops growing.
    await writeEvents(
      join(logdir, 'train'),
      Array.from({ length: 40 }, (_, i) =>
        scalarEvent(i + 1, [['grad_norm', i + 1 === 40 ? 80 : 1 + 0.05 * Math.sin(i)]]),
      ),
    );
    const deadline = Date.now() + 10_000;
    while (!stdout.includes('grad_spike') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGINT');
    const { code, stderr } = await result;
    expect(stdout).toMatch(/^train: .*step 40.*grad_spike|^train: .*grad_spike.*step 40/m);
    expect(stderr).toContain(`waiting for ${logdir} to exist`);
    expect(code).toBe(1);
  });
});
