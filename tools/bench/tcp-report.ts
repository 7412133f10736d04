/** bench:tcp's results: their shape, a markdown report and an SVG plot (hand-written, no plotting library). */

export interface TcpRow {
  mode: string;
  /** null for `native` (no epochs). */
  epochMs: number | null;
  rttMs: number;
  lossPct: number;
  /** null: an unlimited link. */
  linkMbps: number | null;
  throughputMBps: number;
  testbed: 'virtual-time' | 'processes';
  pauseP50Ms?: number;
  commitP50Ms?: number;
  stretchedEpochs?: number;
  wallMs?: number;
}

export interface RespRow {
  mode: string;
  epochMs: number | null;
  getP50Ms: number;
  getP99Ms: number;
  setP50Ms: number;
  setP99Ms: number;
  opsPerSecond: number;
}

export interface TcpResults {
  command: string;
  date: string;
  machine: { cpus: number; cpuModel: string; node: string };
  testbed: { clientLink: string; replicationLink: string; costs: string; measureMs: number };
  rows: TcpRow[];
  resp: RespRow[];
  targets: { speculativeOverRemusAt25ms: number | null; raccOverNativeAt25ms: number | null };
  wallSeconds: number;
}

const MODE_ORDER = ['native', 'remus', 'speculative', 'speculative+racc'];
const COLORS: Record<string, string> = {
  native: '#222222',
  remus: '#d62728',
  speculative: '#1f77b4',
  'speculative+racc': '#2ca02c',
};

const distinct = <T>(xs: T[]) => [...new Set(xs)];

export function renderMarkdown(r: TcpResults): string {
  const lines: string[] = [];
  lines.push('# bench:tcp', '');
  lines.push(
    `\`${r.command}\` on ${r.date} (${r.machine.cpus} CPUs, ${r.machine.cpuModel}, node ${r.machine.node}).`,
  );
  lines.push('');
  lines.push(`- client link: ${r.testbed.clientLink}; replication link: ${r.testbed.replicationLink}`);
  lines.push(`- checkpoint costs: ${r.testbed.costs}`);
  lines.push(
    `- targets at 25 ms epochs on the LAN link: speculative/remus = ${r.targets.speculativeOverRemusAt25ms} ` +
      `(target >= 10), speculative+racc/native = ${r.targets.raccOverNativeAt25ms} (target >= 0.9)`,
  );
  lines.push('');
  const grid = r.rows.filter((x) => x.testbed === 'virtual-time');
  const epochs = distinct(grid.map((x) => x.epochMs).filter((e): e is number => e !== null)).sort(
    (a, b) => a - b,
  );
  const modes = MODE_ORDER.filter((m) => grid.some((x) => x.mode === m && m !== 'native'));
  lines.push('## Bulk throughput, MB/s, 1 Gbit/s link (virtual time)', '');
  lines.push(
    `| RTT ms | loss % | native | ${modes.flatMap((m) => epochs.map((e) => `${m} ${e} ms`)).join(' | ')} |`,
  );
  lines.push(`|---|---|---|${modes.flatMap(() => epochs.map(() => '---')).join('|')}|`);
  for (const rtt of distinct(grid.map((x) => x.rttMs)))
    for (const loss of distinct(grid.map((x) => x.lossPct))) {
      const cell = (mode: string, e: number | null) =>
        grid.find((x) => x.mode === mode && x.epochMs === e && x.rttMs === rtt && x.lossPct === loss)
          ?.throughputMBps ?? '';
      lines.push(
        `| ${rtt} | ${loss} | ${cell('native', null)} | ${modes.flatMap((m) => epochs.map((e) => cell(m, e))).join(' | ')} |`,
      );
    }
  const proc = r.rows.filter((x) => x.testbed === 'processes');
  if (proc.length > 0) {
    lines.push('', '## Unlimited link: the services as processes over nats-server on loopback', '');
    lines.push('| mode | epoch ms | MB/s |', '|---|---|---|');
    for (const p of proc) lines.push(`| ${p.mode} | ${p.epochMs ?? '-'} | ${p.throughputMBps} |`);
  }
  lines.push('', '## RESP latency, ms (16 connections, one command in flight each, LAN link)', '');
  lines.push(
    '| mode | epoch ms | GET p50 | GET p99 | SET p50 | SET p99 | ops/s |',
    '|---|---|---|---|---|---|---|',
  );
  for (const x of r.resp)
    lines.push(
      `| ${x.mode} | ${x.epochMs ?? '-'} | ${x.getP50Ms} | ${x.getP99Ms} | ${x.setP50Ms} | ${x.setP99Ms} | ${x.opsPerSecond} |`,
    );
  lines.push('');
  return lines.join('\n');
}

/** Small multiples: one panel per (RTT, loss), throughput (log scale) against epoch length, a line per mode. */
export function renderSvg(r: TcpResults): string {
  const grid = r.rows.filter((x) => x.testbed === 'virtual-time');
  const rtts = distinct(grid.map((x) => x.rttMs));
  const losses = distinct(grid.map((x) => x.lossPct));
  const epochs = distinct(grid.map((x) => x.epochMs).filter((e): e is number => e !== null)).sort(
    (a, b) => a - b,
  );
  const W = 260;
  const H = 190;
  const M = { left: 46, top: 28, right: 10, bottom: 34 };
  const width = losses.length * W + 20;
  const height = rtts.length * H + 70;
  const values = grid.map((x) => x.throughputMBps).filter((v) => v > 0);
  const yMin = Math.pow(10, Math.floor(Math.log10(Math.max(0.01, Math.min(...values)))));
  const yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...values))));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="10">`,
  );
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(
    `<text x="10" y="16" font-size="13">bench:tcp: bulk MB/s (log) against epoch ms, 1 Gbit/s link; ${escape(r.date)}</text>`,
  );
  rtts.forEach((rtt, row) =>
    losses.forEach((loss, col) => {
      const x0 = 10 + col * W + M.left;
      const y0 = 30 + row * H + M.top;
      const pw = W - M.left - M.right;
      const ph = H - M.top - M.bottom;
      const xs = (e: number) =>
        epochs.length < 2
          ? x0 + pw / 2
          : x0 + (pw * (Math.log(e) - Math.log(epochs[0]))) / Math.log(epochs.at(-1)! / epochs[0]);
      const ys = (v: number) =>
        y0 + ph - (ph * (Math.log(Math.max(v, yMin)) - Math.log(yMin))) / (Math.log(yMax) - Math.log(yMin));
      out.push(`<rect x="${x0}" y="${y0}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
      out.push(`<text x="${x0}" y="${y0 - 6}">RTT ${rtt} ms, loss ${loss}%</text>`);
      for (let d = yMin; d <= yMax; d *= 10) {
        out.push(`<line x1="${x0}" x2="${x0 + pw}" y1="${ys(d)}" y2="${ys(d)}" stroke="#eee"/>`);
        out.push(`<text x="${x0 - 4}" y="${ys(d) + 3}" text-anchor="end">${d}</text>`);
      }
      for (const e of epochs)
        out.push(`<text x="${xs(e)}" y="${y0 + ph + 12}" text-anchor="middle">${e}</text>`);
      const native = grid.find((x) => x.mode === 'native' && x.rttMs === rtt && x.lossPct === loss);
      if (native)
        out.push(
          `<line x1="${x0}" x2="${x0 + pw}" y1="${ys(native.throughputMBps)}" y2="${ys(native.throughputMBps)}" stroke="${COLORS.native}" stroke-dasharray="4 3"/>`,
        );
      for (const mode of MODE_ORDER.filter((m) => m !== 'native')) {
        const pts = epochs
          .map((e) =>
            grid.find((x) => x.mode === mode && x.epochMs === e && x.rttMs === rtt && x.lossPct === loss),
          )
          .filter((x): x is TcpRow => x !== undefined)
          .map((x) => `${xs(x.epochMs!).toFixed(1)},${ys(x.throughputMBps).toFixed(1)}`);
        if (pts.length > 0)
          out.push(
            `<polyline points="${pts.join(' ')}" fill="none" stroke="${COLORS[mode]}" stroke-width="1.6"/>`,
          );
      }
    }),
  );
  const ly = height - 18;
  MODE_ORDER.forEach((m, i) => {
    const x = 20 + i * 170;
    out.push(
      `<line x1="${x}" x2="${x + 24}" y1="${ly}" y2="${ly}" stroke="${COLORS[m]}" stroke-width="2"${m === 'native' ? ' stroke-dasharray="4 3"' : ''}/>`,
    );
    out.push(`<text x="${x + 30}" y="${ly + 3}">${m}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function escape(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}
