/**
 * @vmha/checkpoint: checkpoints on the wire. Pages encoded against the receiver's copy (page-codec), the
 * versioned checkpoint body (checkpoint-body), and chunking with assembly that never yields a partial checkpoint
 * (chunks).
 */
export {
  MAX_ENCODED_PAGE_BYTES,
  PAGE_BYTES,
  PageDecodeError,
  PageEncoding,
  decodePage,
  encodePage,
} from './page-codec.ts';
export {
  BodyKind,
  CHECKPOINT_BODY_VERSION,
  CheckpointBodyWriter,
  RecordEncoding,
  decodeCheckpointBody,
  resolveRecords,
  type BodyDecodeResult,
  type BodyStats,
  type BodyWriterOptions,
  type CheckpointHeader,
  type DecodedBody,
  type EncodedPage,
  type EncodedRecord,
} from './checkpoint-body.ts';
export {
  RecordDeltaError,
  applyRecordDelta,
  applyRecordDeltaAsParts,
  encodeRecordDelta,
  encodeRecordDeltaFromCopies,
  encodeRecordDeltaFromParts,
  flattenRecord,
  recordLength,
  type DeltaSource,
  type RecordBytes,
  type RecordCopy,
  type RecordParts,
} from './record-delta.ts';
export {
  CheckpointAssembler,
  chunkBody,
  type AssemblerOptions,
  type AssemblyEvent,
  type Chunk,
  type ChunkDropReason,
  type ReceivedChunk,
} from './chunks.ts';
