// The e2e suites run their files one after another: each starts a cluster of processes, and several at once on
// a small machine starve each other (failure detectors would see CPU starvation as silence). `npm test` here
// (run-suites.sh) runs the one suite without a failure detector beside the container suites, then the rest.
import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.ts';

export default mergeConfig(shared, defineConfig({ test: { fileParallelism: false } }));
