import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HealthStatus } from '@vmha/shared-proto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHealthFile } from './health-file.ts';

describe('health file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const tempPath = () => {
    const d = mkdtempSync(join(tmpdir(), 'vmha-health-'));
    dirs.push(d);
    return join(d, 'health');
  };

  it('holds the current status at once, follows it on every tick, and stops being rewritten when stopped', () => {
    vi.useFakeTimers();
    const path = tempPath();
    let status: HealthStatus = 'starting';
    const file = startHealthFile(path, () => status, { intervalMs: 1000 });
    expect(readFileSync(path, 'utf8')).toBe('starting\n');
    status = 'serving';
    vi.advanceTimersByTime(1000);
    expect(readFileSync(path, 'utf8')).toBe('serving\n');
    status = 'draining';
    file.write();
    expect(readFileSync(path, 'utf8')).toBe('draining\n');
    file.stop();
    const before = statSync(path).mtimeMs;
    status = 'serving';
    vi.advanceTimersByTime(5000);
    expect(readFileSync(path, 'utf8')).toBe('draining\n');
    expect(statSync(path).mtimeMs).toBe(before);
  });

  it('reports a path it cannot write instead of throwing', () => {
    const errors: unknown[] = [];
    const file = startHealthFile(join(tempPath(), 'missing-dir', 'health'), () => 'serving', {
      onError: (e) => errors.push(e),
    });
    file.stop();
    expect(errors).toHaveLength(1);
  });
});
