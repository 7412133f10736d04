/** Test helpers for packages that drive machines: a seeded echo/counter world and lockstep twin runs. */
export { EchoCounterProgram } from './echo-counter-program.ts';
export {
  advance,
  expectConversationCorrect,
  finish,
  machineConfig,
  programs,
  runTwinToEnd,
  startWorld,
  type World,
} from './echo-world.ts';
export { CountClient, EchoClient, MachineNode, TwinNode } from './sim-harness.ts';
