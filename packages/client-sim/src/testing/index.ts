/** @vmha/client-sim/testing: protocol fakes with fault injection and a stand-in bulk stream, for tests. */
export {
  startFakeBulkServer,
  startFakeRespServer,
  startFakeSink,
  type FakeBulkServerOptions,
  type FakeRespFault,
  type FakeRespServer,
  type FakeRespServerOptions,
  type FakeServer,
  type FakeSinkOptions,
} from './fake-servers.ts';
export { testBulkStream } from './test-bulk-stream.ts';
export { LOSSY_LINK, simulatedPair, type SimulatedPair } from './simulated-pair.ts';
