/**
 * Service settings: declared once (type, default, description), read from flags and the environment.
 * Flags override environment variables, which override defaults. Parsing never throws on user input: it returns
 * every problem at once, each naming the setting, where the value came from and the form expected.
 */

export type SettingType = 'int' | 'number' | 'string' | 'bool' | 'enum' | 'ipv4' | 'duration-ms';

interface SettingCommon<T> {
  description: string;
  /** Flag name without dashes; default: the setting's name in kebab case (`memoryMib` → `memory-mib`). */
  flag?: string;
  /** Environment variable; default: `VMHA_` + the name in upper snake case (`VMHA_MEMORY_MIB`). */
  env?: string;
  /** Without a default a setting is required, unless `optional` (then its value may be undefined). */
  default?: T;
  optional?: boolean;
  /** Extra check on the parsed value: returns the expected form when the value is not acceptable. */
  validate?: (value: T) => string | undefined;
}

export type Setting =
  | (SettingCommon<number> & { type: 'int'; min?: number; max?: number })
  | (SettingCommon<number> & { type: 'number'; min?: number; max?: number })
  | (SettingCommon<string> & { type: 'string' })
  | (SettingCommon<boolean> & { type: 'bool' })
  | (SettingCommon<string> & { type: 'enum'; values: readonly string[] })
  | (SettingCommon<string> & { type: 'ipv4' })
  /** Milliseconds; accepts `250`, `250ms`, `2s`, `1.5m`, `1h`. */
  | (SettingCommon<number> & { type: 'duration-ms'; min?: number; max?: number });

export type Settings = Record<string, Setting>;

type ValueOf<D extends Setting> = D extends { type: 'int' | 'number' | 'duration-ms' }
  ? number
  : D extends { type: 'bool' }
    ? boolean
    : D extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : string;

/** The parsed configuration: each setting's value, typed by its declaration. */
export type ConfigValues<S extends Settings> = {
  -readonly [K in keyof S]: S[K] extends { default: unknown }
    ? ValueOf<S[K]>
    : S[K] extends { optional: true }
      ? ValueOf<S[K]> | undefined
      : ValueOf<S[K]>;
};

/** Where a setting's value came from. */
export type SettingSource = 'flag' | 'env' | 'default' | 'unset';

export type ConfigResult<S extends Settings> =
  | { kind: 'ok'; config: ConfigValues<S>; sources: Record<keyof S, SettingSource> }
  | { kind: 'help' }
  | { kind: 'invalid'; errors: string[] };

export interface ParseConfigOptions {
  /** Default: process.argv.slice(2). */
  argv?: readonly string[];
  /** Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface UsageOptions {
  program: string;
  description?: string;
}

/** Declares settings with their literal types kept (enum values become a union). */
export function defineSettings<const S extends Settings>(settings: S): S {
  return settings;
}

export function flagName(name: string, setting: Setting): string {
  return setting.flag ?? name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

export function envName(name: string, setting: Setting): string {
  return setting.env ?? `VMHA_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

/** Reads `settings` from flags and the environment. Throws only for a bad declaration (a bug, not input). */
export function parseConfig<S extends Settings>(
  settings: S,
  options: ParseConfigOptions = {},
): ConfigResult<S> {
  const argv = options.argv ?? process.argv.slice(2);
  const env = options.env ?? process.env;
  const byFlag = checkDeclarations(settings);
  const errors: string[] = [];
  const fromFlags = new Map<string, string>();

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (!arg.startsWith('--') || arg === '--') {
      errors.push(`unexpected argument ${JSON.stringify(arg)}: settings are given as --name=value`);
      continue;
    }
    const eq = arg.indexOf('=');
    let flag = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    let value: string | undefined = eq < 0 ? undefined : arg.slice(eq + 1);
    let name = byFlag.get(flag);
    if (name === undefined && value === undefined && flag.startsWith('no-')) {
      const negated = byFlag.get(flag.slice(3));
      if (negated !== undefined && settings[negated].type === 'bool') {
        [name, flag, value] = [negated, flag.slice(3), 'false'];
      }
    }
    if (name === undefined) {
      const hint = closest(flag, [...byFlag.keys()]);
      errors.push(`unknown flag --${flag}${hint ? ` (did you mean --${hint}?)` : ''}; see --help`);
      continue;
    }
    if (value === undefined) {
      if (settings[name].type === 'bool') {
        value = 'true';
      } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
        value = argv[++i];
      } else {
        errors.push(`flag --${flag} needs a value: --${flag}=${placeholder(settings[name])}`);
        continue;
      }
    }
    fromFlags.set(name, value);
  }

  const config: Record<string, unknown> = {};
  const sources: Record<string, SettingSource> = {};
  for (const [name, setting] of Object.entries(settings)) {
    const flag = flagName(name, setting);
    const variable = envName(name, setting);
    let raw: string | undefined;
    let origin: string;
    if (fromFlags.has(name)) {
      raw = fromFlags.get(name);
      origin = `flag --${flag}`;
      sources[name] = 'flag';
    } else if (env[variable] !== undefined && env[variable] !== '') {
      raw = env[variable];
      origin = `environment ${variable}`;
      sources[name] = 'env';
    } else if (setting.default !== undefined) {
      config[name] = setting.default;
      sources[name] = 'default';
      continue;
    } else if (setting.optional) {
      config[name] = undefined;
      sources[name] = 'unset';
      continue;
    } else {
      errors.push(`missing required setting ${name}: set --${flag}=${placeholder(setting)} or ${variable}`);
      continue;
    }
    const parsed = parseValue(setting, raw ?? '');
    if (parsed.ok) {
      config[name] = parsed.value;
    } else {
      errors.push(`invalid ${name} ${JSON.stringify(raw)} from ${origin}: expected ${parsed.expected}`);
    }
  }
  if (errors.length > 0) return { kind: 'invalid', errors };
  return {
    kind: 'ok',
    config: config as ConfigValues<S>,
    sources: sources as Record<keyof S, SettingSource>,
  };
}

/** The `--help` text: every setting with its flag, form, default, environment variable and description. */
export function formatUsage(settings: Settings, options: UsageOptions): string {
  const rows = Object.entries(settings).map(([name, setting]) => {
    const left = `--${flagName(name, setting)}${setting.type === 'bool' ? '' : `=${placeholder(setting)}`}`;
    const notes = [
      setting.default !== undefined
        ? `default ${formatDefault(setting)}`
        : setting.optional
          ? 'optional'
          : 'required',
      `env ${envName(name, setting)}`,
    ];
    return [left, `${setting.description} (${notes.join('; ')})`];
  });
  rows.push(['--help', 'Show this help and exit']);
  const width = Math.min(40, Math.max(...rows.map(([left]) => left.length)));
  const lines = [`Usage: ${options.program} [options]`, ''];
  if (options.description) lines.push(options.description, '');
  lines.push('Options (a flag overrides its environment variable, which overrides the default):');
  for (const [left, right] of rows) {
    lines.push(
      left.length > width
        ? `  ${left}\n  ${' '.repeat(width)}  ${right}`
        : `  ${left.padEnd(width)}  ${right}`,
    );
  }
  return lines.join('\n') + '\n';
}

type Parsed = { ok: true; value: unknown } | { ok: false; expected: string };

function parseValue(setting: Setting, raw: string): Parsed {
  const parsed = parseByType(setting, raw.trim());
  if (!parsed.ok || !setting.validate) return parsed;
  const problem = (setting.validate as (value: unknown) => string | undefined)(parsed.value);
  return problem === undefined ? parsed : { ok: false, expected: problem };
}

function parseByType(setting: Setting, raw: string): Parsed {
  switch (setting.type) {
    case 'int': {
      const value = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
      return inRange(Number.isSafeInteger(value), value, setting, 'an integer');
    }
    case 'number': {
      const value = raw === '' ? NaN : Number(raw);
      return inRange(Number.isFinite(value), value, setting, 'a number');
    }
    case 'duration-ms': {
      const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw);
      const unit = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[
        (match?.[2] ?? 'ms') as 'ms' | 's' | 'm' | 'h'
      ];
      const value = match ? Number(match[1]) * unit : NaN;
      return inRange(
        Number.isFinite(value),
        value,
        setting,
        'a duration like 250ms, 2s or 1m (a bare number is ms)',
      );
    }
    case 'string':
      return { ok: true, value: raw };
    case 'bool': {
      const lower = raw.toLowerCase();
      if (['true', '1', 'yes', 'on'].includes(lower)) return { ok: true, value: true };
      if (['false', '0', 'no', 'off'].includes(lower)) return { ok: true, value: false };
      return { ok: false, expected: 'true or false' };
    }
    case 'enum':
      return setting.values.includes(raw)
        ? { ok: true, value: raw }
        : { ok: false, expected: `one of ${setting.values.join(', ')}` };
    case 'ipv4':
      return isIpv4(raw)
        ? { ok: true, value: raw }
        : { ok: false, expected: 'an IPv4 address like 10.0.0.2' };
  }
}

function inRange(
  valid: boolean,
  value: number,
  setting: { min?: number; max?: number },
  what: string,
): Parsed {
  const { min, max } = setting;
  const range =
    min !== undefined && max !== undefined
      ? ` from ${min} to ${max}`
      : min !== undefined
        ? ` of at least ${min}`
        : max !== undefined
          ? ` of at most ${max}`
          : '';
  if (!valid || (min !== undefined && value < min) || (max !== undefined && value > max)) {
    return { ok: false, expected: what + range };
  }
  return { ok: true, value };
}

function isIpv4(value: string): boolean {
  return /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(value);
}

function placeholder(setting: Setting): string {
  switch (setting.type) {
    case 'enum':
      return setting.values.join('|');
    case 'duration-ms':
      return '<duration>';
    default:
      return `<${setting.type}>`;
  }
}

function formatDefault(setting: Setting): string {
  if (setting.type === 'duration-ms') return `${setting.default}ms`;
  return setting.type === 'string' ? JSON.stringify(setting.default) : String(setting.default);
}

/** Flag name → setting name; rejects declarations that could never parse (a programming error). */
function checkDeclarations(settings: Settings): Map<string, string> {
  const byFlag = new Map<string, string>();
  const envs = new Set<string>();
  for (const [name, setting] of Object.entries(settings)) {
    const flag = flagName(name, setting);
    const variable = envName(name, setting);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(flag) || flag === 'help')
      throw new Error(`setting ${name}: bad flag name ${flag}`);
    if (byFlag.has(flag))
      throw new Error(`settings ${byFlag.get(flag)} and ${name} share the flag --${flag}`);
    if (envs.has(variable)) throw new Error(`setting ${name}: environment variable ${variable} used twice`);
    byFlag.set(flag, name);
    envs.add(variable);
    if (setting.default !== undefined) {
      const check = parseValue(
        setting,
        setting.type === 'duration-ms' ? `${setting.default}ms` : String(setting.default),
      );
      if (!check.ok)
        throw new Error(`setting ${name}: default ${String(setting.default)} is not ${check.expected}`);
    }
  }
  return byFlag;
}

/** The known flag nearest to a mistyped one, if it is close enough to be a typo. */
function closest(flag: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(flag.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(flag, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length];
}
