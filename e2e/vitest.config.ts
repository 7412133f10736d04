// The e2e suites run their files one after another: each starts a cluster of processes, and several at once on
// a small machine starve each other (failure detectors would see CPU starvation as silence).
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }));
