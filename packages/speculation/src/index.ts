/**
 * @vmha/speculation: speculative communication for a replicated guest (Gerofi & Ishikawa, VEE 2012). The primary
 * VMM acknowledges the guest's TCP segments at once and delivers them itself once their epoch commits. Pure and
 * clock-injected; see docs/design/speculation.md.
 */
export {
  Speculation,
  SpeculationStateError,
  DEFAULT_FLOW_BUFFER_BYTES,
  DEFAULT_PACING_BURST_MS,
  MAX_FLOW_BUFFER_BYTES,
  RACC_FLOW_BUFFER_BYTES,
  type SpeculationCounters,
  type SpeculationOptions,
} from './speculation.ts';
export {
  SpeculativeFlow,
  type FlowCounters,
  type FlowKey,
  type FlowOptions,
  type FlowState,
} from './flow.ts';
