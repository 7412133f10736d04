/**
 * The protobufjs runtime the generated code imports (pbjs `--dependency`), configured so that 64-bit integer
 * fields (uint64 lease revisions, uptimes) decode as plain numbers, as the `--force-number` typings promise,
 * instead of `Long` objects. Exact up to 2^53, far beyond any revision or millisecond count here.
 * This is protobufjs 8's instance; only this package uses it (grpc-js brings its own protobufjs 7).
 */
import protobuf from 'protobufjs/minimal.js';

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();

export default protobuf;
export type * from 'protobufjs/minimal.js';
