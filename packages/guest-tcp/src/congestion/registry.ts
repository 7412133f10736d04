/** Named congestion controllers, so a snapshot can name its algorithm and restore picks the same one. */
import { CubicController } from './cubic.ts';
import { NewRenoController } from './newreno.ts';
import { RaccController } from './racc.ts';
import type { CongestionControllerFactory } from './types.ts';

const registry = new Map<string, CongestionControllerFactory>([
  ['newreno', (o) => new NewRenoController(o)],
  ['cubic', (o) => new CubicController(o)],
  ['racc', (o) => new RaccController(o)],
]);

/** Adds a controller (the replication-aware one registers itself this way). */
export function registerCongestionController(name: string, factory: CongestionControllerFactory): void {
  registry.set(name, factory);
}

export function congestionControllerFactory(name: string): CongestionControllerFactory {
  const factory = registry.get(name);
  if (!factory) {
    throw new Error(`unknown congestion controller "${name}" (known: ${[...registry.keys()].join(', ')})`);
  }
  return factory;
}
