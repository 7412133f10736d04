/**
 * The checkpoint stream on the wire: an encoded checkpoint as its `CheckpointChunk` messages (each under
 * max_payload, with the VM, stream, epoch, chunk position, CRC-32 of its data and the sender's lease revision:
 * the fencing token), and a received message back as the assembler's chunk. One mapping, for the primary, the
 * backup and the benchmarks.
 */
import type { ReceivedChunk } from '@vmha/checkpoint';
import { BodyKind } from '@vmha/checkpoint';
import { CheckpointChunk, CheckpointKind, encodeMessageWithPayload } from '@vmha/shared-proto';
import type { EncodedCheckpoint } from './checkpoint-encoder.ts';

/** Who sends a stream's chunks: the VM, the stream (one per backup sync) and the sender's lease revision. */
export interface ChunkSender {
  vmId: string;
  streamId: string;
  leaseRevision: number;
}

/** `CheckpointChunk.data` (vmha/v1/replication.proto): appended to the other fields, copied once. */
const CHUNK_DATA_FIELD = 11;

const KIND_ON_WIRE: Record<BodyKind, CheckpointKind> = {
  [BodyKind.SyncPages]: CheckpointKind.CHECKPOINT_KIND_SYNC_PAGES,
  [BodyKind.SyncSeal]: CheckpointKind.CHECKPOINT_KIND_SYNC_SEAL,
  [BodyKind.Epoch]: CheckpointKind.CHECKPOINT_KIND_EPOCH,
};

/** The encoded NATS messages of checkpoint `cp`, in chunk order. */
export function chunkMessages(cp: EncodedCheckpoint, from: ChunkSender): Uint8Array[] {
  return cp.chunks.map((c) =>
    encodeMessageWithPayload(
      CheckpointChunk,
      {
        vmId: from.vmId,
        streamId: from.streamId,
        kind: KIND_ON_WIRE[cp.kind],
        epoch: cp.epoch,
        baseEpoch: cp.baseEpoch,
        chunkIndex: c.chunkIndex,
        chunkCount: c.chunkCount,
        bodyBytes: c.bodyBytes,
        dataCrc32: c.dataCrc32,
        leaseRevision: from.leaseRevision,
      },
      CHUNK_DATA_FIELD,
      c.data,
    ),
  );
}

/** A decoded chunk message as the assembler takes it (it checks sizes, positions and the CRC itself). */
export function receivedChunk(c: CheckpointChunk): ReceivedChunk {
  return {
    epoch: c.epoch,
    chunkIndex: c.chunkIndex,
    chunkCount: c.chunkCount,
    bodyBytes: c.bodyBytes,
    dataCrc32: c.dataCrc32,
    data: c.data,
  };
}
