/** RESP2 values (https://redis.io/docs/latest/develop/reference/protocol-spec/), as replies and as commands. */
export type RespValue =
  | { type: 'simple'; value: string }
  | { type: 'error'; message: string }
  /** RESP integers are signed 64-bit, hence bigint. */
  | { type: 'integer'; value: bigint }
  /** `value` null is the nil bulk string ($-1). */
  | { type: 'bulk'; value: Uint8Array | null }
  /** `items` null is the nil array (*-1). */
  | { type: 'array'; items: RespValue[] | null };

const decoder = new TextDecoder();

/** A short, printable rendering for reports and violation messages. */
export function describeRespValue(v: RespValue, max = 60): string {
  let s: string;
  switch (v.type) {
    case 'simple':
      s = `+${v.value}`;
      break;
    case 'error':
      s = `-${v.message}`;
      break;
    case 'integer':
      s = `:${v.value}`;
      break;
    case 'bulk':
      s = v.value === null ? '(nil)' : JSON.stringify(decoder.decode(v.value));
      break;
    case 'array':
      s = v.items === null ? '(nil array)' : `[${v.items.map((i) => describeRespValue(i, max)).join(', ')}]`;
      break;
  }
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
