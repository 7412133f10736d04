/**
 * Splits an inline command line (what telnet and `redis-cli` pipes send without RESP framing) into arguments the
 * way Redis's sdssplitargs does: whitespace separates; "double quotes" allow \n \r \t \b \a \\ \" and \xHH
 * escapes; 'single quotes' allow \'; a closing quote must be followed by whitespace or the end. Returns
 * undefined for unbalanced quotes (Redis: "Protocol error: unbalanced quotes in request").
 */

/** isspace(): skipped between arguments and required after a closing quote. */
const SPACE = new Set([0x20, 0x0a, 0x0d, 0x09, 0x0b, 0x0c]);
/** What ends an unquoted argument (sdssplitargs' switch). */
const SEPARATOR = new Set([0x20, 0x0a, 0x0d, 0x09, 0x00]);
const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x61: 0x07 };

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

export function splitInlineArgs(line: Uint8Array): Uint8Array[] | undefined {
  const args: Uint8Array[] = [];
  let p = 0;
  const n = line.length;
  while (true) {
    while (p < n && SPACE.has(line[p])) p++;
    if (p >= n) return args;
    const out: number[] = [];
    let inDouble = false;
    let inSingle = false;
    let done = false;
    while (!done) {
      if (inDouble) {
        if (p >= n) return undefined;
        const c = line[p];
        if (
          c === 0x5c &&
          p + 3 < n &&
          line[p + 1] === 0x78 &&
          hexValue(line[p + 2]) >= 0 &&
          hexValue(line[p + 3]) >= 0
        ) {
          out.push(hexValue(line[p + 2]) * 16 + hexValue(line[p + 3]));
          p += 3;
        } else if (c === 0x5c && p + 1 < n) {
          p++;
          out.push(ESCAPES[line[p]] ?? line[p]);
        } else if (c === 0x22) {
          if (p + 1 < n && !SPACE.has(line[p + 1])) return undefined; // closing quote must end the argument
          done = true;
        } else {
          out.push(c);
        }
      } else if (inSingle) {
        if (p >= n) return undefined;
        const c = line[p];
        if (c === 0x5c && p + 1 < n && line[p + 1] === 0x27) {
          p++;
          out.push(0x27);
        } else if (c === 0x27) {
          if (p + 1 < n && !SPACE.has(line[p + 1])) return undefined;
          done = true;
        } else {
          out.push(c);
        }
      } else if (p >= n) {
        done = true;
      } else {
        const c = line[p];
        if (SEPARATOR.has(c)) done = true;
        else if (c === 0x22) inDouble = true;
        else if (c === 0x27) inSingle = true;
        else out.push(c);
      }
      if (p < n) p++;
    }
    args.push(Uint8Array.from(out));
  }
}
