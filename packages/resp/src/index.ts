/**
 * @vmha/resp: the RESP2 wire format (https://redis.io/docs/latest/develop/reference/protocol-spec/) as clients see
 * it: values, the command encoder, and an incremental reply parser that never throws on garbage. Shared by
 * client-sim's workloads and the guest key-value server's tests; the server's own request parser lives with it.
 */
export { describeRespValue, type RespValue } from './resp-value.ts';
export { encodeCommand, encodeValue, type RespArgument } from './resp-encoder.ts';
export {
  DEFAULT_RESP_LIMITS,
  RespParser,
  type RespFeedResult,
  type RespParserLimits,
  type RespProtocolError,
} from './resp-parser.ts';
