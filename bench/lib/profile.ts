// Where a process spent its time, read from a V8 `.cpuprofile` (`node --cpu-prof`; for the gateway
// comparison, BENCH_GATEWAY_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=<dir>"): self and total time by
// function, by package and by area (graphql-js execution vs validation vs parsing, @apollo/gateway's plan
// execution vs result shaping, Apollo Server's request pipeline, Express, jose, our own modules…), and the
// heaviest call stacks into the functions a pattern names.
//
//   node -r @swc-node/register bench/lib/profile.ts <file.cpuprofile> [--from <s>] [--to <s>] [--top <n>]
//        [--weight time|samples] [--timeline] [--stacks <regex> [--depth <n>]] [--in <area regex>]
//        [--cpu-seconds <s> --requests <n>] [--json]
//
// --from/--to keep the samples between those seconds after the profile's start (the gateway's start-up —
// parsing the supergraph, building the schema — is not per-request work; bench/gateway.ts prints the
// window of the measured rounds, --timeline shows busy ms per second). Self time: samples whose top frame
// is the function. Total time: samples with the function anywhere on the stack, counted once per sample
// however often it recurses. Idle samples count in neither; "busy" is every other sample.
//
// Samples are taken on the wall clock: a thread waiting for a core (a shared machine, or a subgraph woken
// by the write that just went to it) is sampled once when it runs again, and by default that sample gets
// the whole gap, so busy time can exceed the CPU time /proc reports and the places where the gateway wakes
// someone else look expensive. --weight samples counts every sample as one median interval instead (an
// estimate of time on the CPU); compare the two. --cpu-seconds/--requests (the CPU the benchmark measured
// over the same window, and the requests served) turn each share into CPU ms per request.
//
// V8 names no frame for much of its builtins' work, and gives some (a socket's writev, JSON.parse) a frame
// without a script: areas attribute those, and Node's helpers (crypto, URL, Buffer), to whoever called them
// — a WebCrypto HMAC inside jose counts as jose, a URL parse inside node-fetch as node-fetch.
// `(program)` is native time with no JavaScript frame at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  scriptId: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  /** Microseconds (monotonic clock). */
  startTime: number;
  endTime: number;
  /** The node on top of the stack at each sample. */
  samples: number[];
  /** Microseconds since the previous sample (the first: since startTime). */
  timeDeltas: number[];
}

export interface Row {
  name: string;
  /** Where it lives: `package/file:line`, or the repository-relative file for our own code. */
  where: string;
  selfMs: number;
  totalMs: number;
  /** For a function: the area its own time counts in. */
  area?: string;
}

export interface ProfileSummary {
  /** The window analysed, seconds after the profile's start. */
  window: { from: number; to: number };
  samples: number;
  busyMs: number;
  idleMs: number;
  functions: Row[];
  packages: Row[];
  areas: Row[];
  /** Busy ms in each second of the whole profile (not only the window). */
  timeline: number[];
}

export interface Window {
  /** Seconds after the profile's start. */
  from?: number;
  to?: number;
  /**
   * `time` (default): a sample lasts until the next one. `samples`: every sample counts one median
   * interval, whatever the gap after it — a thread that waited for a core is sampled once when it runs
   * again, so counting samples estimates time on the CPU, and a function whose share drops a lot from
   * `time` to `samples` is one where the thread mostly waited.
   */
  weight?: 'time' | 'samples';
}

const SPECIAL = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);
const ROOT = path.resolve(__dirname, '..', '..') + path.sep;

function filePath(url: string): string {
  return url.startsWith('file://') ? decodeURIComponent(new URL(url).pathname) : url;
}

/**
 * The package a script belongs to: the innermost `node_modules/<pkg>` of its path, Node's own modules by
 * name (`node:http`, `node:undici`…), our workspaces by folder (`gateway/src/limits`, `packages/platform`).
 */
export function packageOf(url: string, functionName = ''): string {
  if (!url) return SPECIAL.has(functionName) ? functionName : '(V8 builtin)';
  if (url.startsWith('wasm://')) return 'wasm';
  if (url.startsWith('node:')) {
    const module = url.slice('node:'.length).replace(/^internal\//, '');
    if (module.startsWith('deps/undici')) return 'node:undici';
    if (/^(_http_|http)/.test(module)) return 'node:http';
    return `node:${module.split('/')[0]!.replace(/\.js$/, '')}`;
  }
  const file = filePath(url);
  const at = file.lastIndexOf('/node_modules/');
  if (at >= 0) {
    const parts = file.slice(at + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const relative = (file.startsWith(ROOT) ? file.slice(ROOT.length) : file).split('/');
  // gateway/src/limits/…, packages/platform/src/… → the folder; gateway/src/gateway.ts → the file
  if (relative[0] === 'packages' || relative[0] === 'subgraphs') return relative.slice(0, 2).join('/');
  return relative.slice(0, 3).join('/');
}

/** The file inside its package (`execution/execute.js`), or the repository-relative path of our own. */
function fileInPackage(url: string): string {
  const file = filePath(url);
  const at = file.lastIndexOf('/node_modules/');
  if (at < 0) return file.startsWith(ROOT) ? file.slice(ROOT.length) : file;
  const parts = file.slice(at + '/node_modules/'.length).split('/');
  return parts.slice(parts[0]!.startsWith('@') ? 2 : 1).join('/');
}

/** `graphql/execution/execute.js`, `gateway/src/limits/guard.ts`, `node:_http_server`. */
function shortFile(url: string): string {
  if (!url || url.startsWith('node:') || url.startsWith('wasm://')) return url;
  return filePath(url).includes('/node_modules/') ? `${packageOf(url)}/${fileInPackage(url)}` : fileInPackage(url);
}

/** Frames whose time belongs to whoever called them (see the header). */
const HELPER_PACKAGES = new Set(['node:crypto', 'node:url', 'node:buffer', 'node:encoding', 'node:validators', 'node:util', 'node:perf', 'node:errors']);
const JSON_BUILTIN = /^(JSON\.)?(parse|stringify)$/;

function inheritsCaller(pkg: string, functionName: string): boolean {
  return (pkg === '(V8 builtin)' && !JSON_BUILTIN.test(functionName)) || HELPER_PACKAGES.has(pkg);
}

const EXPRESS = new Set([
  'express', 'router', 'body-parser', 'raw-body', 'finalhandler', 'send', 'content-type', 'type-is', 'accepts', 'negotiator',
  'mime-types', 'on-finished', 'path-to-regexp', 'qs', 'iconv-lite', 'cors', 'vary', 'depd', 'debug', 'etag', 'fresh',
  'forwarded', 'proxy-addr', 'media-typer', 'parseurl', 'encodeurl', 'escape-html', 'statuses', 'http-errors', 'cookie',
]);
const NODE_IO = /^node:(net|stream|streams|stream_base_commons|dns|zlib|tls)$/;

/**
 * Areas of a gateway request, first match wins: what a reader of the profile asks about, coarser than
 * packages where a package does several things (graphql-js) and finer where one file is the story.
 */
const AREAS: [string, (pkg: string, file: string, fn: string) => boolean][] = [
  ['GC', (pkg) => pkg === '(garbage collector)'],
  ['native, no JS frame (program)', (pkg) => pkg === '(program)'],
  ['JSON.parse/stringify (named frames)', (pkg, _file, fn) => pkg === '(V8 builtin)' && JSON_BUILTIN.test(fn)],
  ['graphql-js execute', (pkg, file) => pkg === 'graphql' && file.startsWith('execution/')],
  ['graphql-js validate', (pkg, file) => pkg === 'graphql' && file.startsWith('validation/')],
  ['graphql-js parse/print (language)', (pkg, file) => pkg === 'graphql' && file.startsWith('language/')],
  ['graphql-js other (type, utilities)', (pkg) => pkg === 'graphql'],
  ['@apollo/gateway executeQueryPlan', (pkg, file) => pkg === '@apollo/gateway' && /executeQueryPlan/.test(file)],
  ['@apollo/gateway result shaping', (pkg, file) => pkg === '@apollo/gateway' && /resultShaping/.test(file)],
  ['@apollo/gateway RemoteGraphQLDataSource (+ node-fetch Request/Headers)', (pkg, file) =>
    (pkg === '@apollo/gateway' && file.startsWith('dist/datasources/')) || pkg === 'node-fetch'],
  ['@apollo/gateway other', (pkg) => pkg === '@apollo/gateway'],
  ['@apollo/query-planner', (pkg) => pkg === '@apollo/query-planner'],
  ['@apollo/federation-internals', (pkg) => pkg === '@apollo/federation-internals'],
  ['@apollo/server request pipeline', (pkg, file) => pkg === '@apollo/server' && /requestPipeline/.test(file)],
  ['@apollo/server other (+ express5 integration, utils)', (pkg) =>
    pkg === '@apollo/server' || pkg.startsWith('@apollo/utils.') || pkg === '@as-integrations/express5' || pkg === '@apollo/usage-reporting-protobuf'],
  ['@opentelemetry/api (no-op spans)', (pkg) => pkg.startsWith('@opentelemetry/')],
  ['express (+ router, body-parser, …)', (pkg) => EXPRESS.has(pkg)],
  ['jose (JWT verification, WebCrypto HMAC)', (pkg) => pkg === 'jose'],
  ['ours: limits', (pkg) => pkg.startsWith('gateway/src/limits')],
  ['ours: auth', (pkg) => pkg.startsWith('gateway/src/auth')],
  ['ours: cache', (pkg) => pkg.startsWith('gateway/src/cache')],
  ['ours: subgraph-source', (pkg) => pkg === 'gateway/src/subgraph-source.ts'],
  ['ours: other gateway/src', (pkg) => pkg.startsWith('gateway/src')],
  ['ours: packages/platform (identity signing, logging, listen)', (pkg) => pkg === 'packages/platform'],
  ['ours: other packages', (pkg) => pkg.startsWith('packages/')],
  ['logging (pino)', (pkg) => pkg.startsWith('pino') || pkg === 'sonic-boom' || pkg === 'thread-stream'],
  ['http client: undici fetch, web streams, llhttp (subgraph calls)', (pkg) => pkg === 'node:undici' || pkg === 'node:webstreams' || pkg === 'wasm'],
  ['http server (node:http)', (pkg) => pkg === 'node:http'],
  ['sockets and streams (node:net, node:stream, writev)', (pkg) => NODE_IO.test(pkg)],
  ['node event loop, events, timers (other node:)', (pkg) => pkg.startsWith('node:')],
  ['compiler/loader (@swc-node, source maps)', (pkg) => pkg.startsWith('@swc') || pkg === 'pirates' || pkg.startsWith('source-map')],
  ['V8 builtins with no caller', (pkg) => pkg === '(V8 builtin)' || HELPER_PACKAGES.has(pkg)],
];

export function areaOf(pkg: string, url: string, functionName: string): string {
  const file = url ? fileInPackage(url) : '';
  return AREAS.find(([, matches]) => matches(pkg, file, functionName))?.[0] ?? `other: ${pkg}`;
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

interface Frame {
  /** Identity of the function (name, script, position): one row however many call paths reach it. */
  key: string;
  label: string;
  where: string;
  pkg: string;
  area: string;
}

/** Each node's frame, with areas inherited from callers where the header says so. */
function frames(profile: CpuProfile, parent: Map<number, number>): Map<number, Frame> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const out = new Map<number, Frame>();
  const frameOf = (id: number): Frame => {
    const known = out.get(id);
    if (known) return known;
    const { functionName, url, lineNumber, columnNumber } = byId.get(id)!.callFrame;
    const pkg = packageOf(url, functionName);
    const up = parent.get(id);
    const callerArea = up !== undefined && inheritsCaller(pkg, functionName) ? frameOf(up).area : undefined;
    const frame: Frame = {
      key: `${functionName}\u0000${url}\u0000${lineNumber}:${columnNumber}`,
      label: functionName || '(anonymous)',
      where: url ? `${shortFile(url)}:${lineNumber + 1}` : pkg,
      pkg,
      area: callerArea && callerArea !== 'root' ? callerArea : pkg === '(root)' ? 'root' : areaOf(pkg, url, functionName),
    };
    out.set(id, frame);
    return frame;
  };
  // parents first keeps the recursion shallow
  for (const node of profile.nodes) frameOf(node.id);
  return out;
}

function parents(profile: CpuProfile): Map<number, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  return parent;
}

/** Walks the samples of the window, idle ones included: `visit(top node, ms, seconds after start)`; returns the window's end. */
function eachSample(profile: CpuProfile, window: Window, visit: (top: number, ms: number, at: number) => void): number {
  // a sample lasts until the next one (the last: the median interval), or one median interval each
  const intervals = profile.timeDeltas.slice(1);
  const median = [...intervals].sort((a, b) => a - b)[Math.floor(intervals.length / 2)] ?? 1000;
  const from = (window.from ?? 0) * 1e6;
  const to = (window.to ?? Infinity) * 1e6;
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i]!;
    const duration = window.weight === 'samples' ? median : (profile.timeDeltas[i + 1] ?? median);
    if (at >= from && at < to) visit(profile.samples[i]!, duration / 1000, at / 1e6);
  }
  return Math.min(to, at) / 1e6;
}

/** Self and total time by function, package and area over the window. */
export function summarize(profile: CpuProfile, window: Window = {}): ProfileSummary {
  const parent = parents(profile);
  const info = frames(profile, parent);
  const functions = new Map<string, Row>();
  const packages = new Map<string, Row>();
  const areas = new Map<string, Row>();
  const row = (map: Map<string, Row>, key: string, name: string, where = '', area?: string) => {
    let r = map.get(key);
    if (!r) map.set(key, (r = { name, where, selfMs: 0, totalMs: 0, ...(area ? { area } : {}) }));
    return r;
  };
  let busy = 0;
  let idle = 0;
  let samples = 0;
  const end = eachSample(profile, window, (top, ms) => {
    const frame = info.get(top)!;
    if (frame.pkg === '(idle)') {
      idle += ms;
      return;
    }
    samples += 1;
    busy += ms;
    row(functions, frame.key, frame.label, frame.where, frame.area).selfMs += ms;
    row(packages, frame.pkg, frame.pkg).selfMs += ms;
    row(areas, frame.area, frame.area).selfMs += ms;
    const seen = { functions: new Set<string>(), packages: new Set<string>(), areas: new Set<string>() };
    for (let id: number | undefined = top; id !== undefined; id = parent.get(id)) {
      const f = info.get(id)!;
      if (f.pkg === '(root)') continue;
      if (!seen.functions.has(f.key)) row(functions, f.key, f.label, f.where, f.area).totalMs += ms;
      if (!seen.packages.has(f.pkg)) row(packages, f.pkg, f.pkg).totalMs += ms;
      if (!seen.areas.has(f.area)) row(areas, f.area, f.area).totalMs += ms;
      seen.functions.add(f.key);
      seen.packages.add(f.pkg);
      seen.areas.add(f.area);
    }
  });
  const timeline: number[] = [];
  eachSample(profile, {}, (top, ms, at) => {
    if (info.get(top)!.pkg !== '(idle)') timeline[Math.floor(at)] = (timeline[Math.floor(at)] ?? 0) + ms;
  });
  const sorted = (map: Map<string, Row>) => [...map.values()].sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs);
  return {
    window: { from: window.from ?? 0, to: end },
    samples,
    busyMs: busy,
    idleMs: idle,
    functions: sorted(functions),
    packages: sorted(packages),
    areas: sorted(areas),
    timeline: Array.from(timeline, (ms) => Math.round(ms ?? 0)),
  };
}

/** The heaviest distinct call stacks (innermost `depth` frames) from the innermost frame matching `pattern`. */
export function stacksInto(profile: CpuProfile, pattern: RegExp, options: Window & { depth?: number; limit?: number } = {}): { ms: number; stack: string[] }[] {
  const parent = parents(profile);
  const info = frames(profile, parent);
  const name = (id: number) => `${info.get(id)!.label} (${info.get(id)!.where})`;
  const stacks = new Map<string, { ms: number; stack: string[] }>();
  eachSample(profile, options, (top, ms) => {
    let id: number | undefined = top;
    while (id !== undefined && !pattern.test(name(id))) id = parent.get(id);
    if (id === undefined) return;
    const stack: string[] = [];
    for (let up: number | undefined = id; up !== undefined && stack.length < (options.depth ?? 8); up = parent.get(up)) {
      if (info.get(up)!.pkg !== '(root)') stack.push(name(up));
    }
    const key = stack.join('\n');
    const entry = stacks.get(key) ?? { ms: 0, stack };
    entry.ms += ms;
    stacks.set(key, entry);
  });
  return [...stacks.values()].sort((a, b) => b.ms - a.ms).slice(0, options.limit ?? 10);
}

function table(rows: Row[], busyMs: number, top: number, msPerRequest: number | undefined): string {
  const pct = (ms: number) => `${((100 * ms) / busyMs).toFixed(1)}%`.padStart(6);
  const perRequest = (ms: number) => (msPerRequest === undefined ? '' : ` ${((ms / busyMs) * msPerRequest).toFixed(3).padStart(7)}`);
  const head = `${'self ms'.padStart(8)} ${'%'.padStart(6)}${msPerRequest === undefined ? '' : ` ${'ms/req'.padStart(7)}`} ${'total ms'.padStart(8)} ${'%'.padStart(6)}${msPerRequest === undefined ? '' : ` ${'ms/req'.padStart(7)}`}  name`;
  const lines = rows
    .slice(0, top)
    .map((r) => `${r.selfMs.toFixed(0).padStart(8)} ${pct(r.selfMs)}${perRequest(r.selfMs)} ${r.totalMs.toFixed(0).padStart(8)} ${pct(r.totalMs)}${perRequest(r.totalMs)}  ${r.name}${r.where ? `  ${r.where}` : ''}`);
  return [head, ...lines].join('\n');
}

function main(argv: string[]): void {
  const valued = ['--from', '--to', '--top', '--stacks', '--depth', '--in', '--weight', '--cpu-seconds', '--requests'];
  const file = argv.find((a, i) => !a.startsWith('--') && !valued.includes(argv[i - 1] ?? ''));
  if (!file) {
    throw new Error(
      'usage: profile.ts <file.cpuprofile> [--from <s>] [--to <s>] [--top <n>] [--weight time|samples] [--timeline] [--stacks <regex> [--depth <n>]] [--in <area regex>] [--cpu-seconds <s> --requests <n>] [--json]',
    );
  }
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 && argv[at + 1] !== undefined ? Number(argv[at + 1]) : undefined;
  };
  const weight = argv.includes('--weight') ? argv[argv.indexOf('--weight') + 1] : 'time';
  if (weight !== 'time' && weight !== 'samples') throw new Error('--weight is time or samples');
  const window: Window = { from: value('--from'), to: value('--to'), weight };
  const top = value('--top') ?? 30;
  const cpuSeconds = value('--cpu-seconds');
  const requests = value('--requests');
  const msPerRequest = cpuSeconds !== undefined && requests ? (cpuSeconds * 1000) / requests : undefined;
  const profile = readProfile(file);
  const summary = summarize(profile, window);
  // --in: only the functions whose own time counts in the matching areas (what makes up "express", say)
  const inArea = argv.includes('--in') ? new RegExp(argv[argv.indexOf('--in') + 1] ?? '') : undefined;
  if (inArea) summary.functions = summary.functions.filter((r) => inArea.test(r.area ?? ''));
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ ...summary, msPerRequest, functions: summary.functions.slice(0, top) }, null, 2)}\n`);
    return;
  }
  const out = process.stdout;
  out.write(
    `${path.basename(file)}: ${summary.window.from.toFixed(1)}–${summary.window.to.toFixed(1)} s, ${summary.samples} busy samples, ` +
      `busy ${(summary.busyMs / 1000).toFixed(2)} s, idle ${(summary.idleMs / 1000).toFixed(2)} s` +
      `${msPerRequest === undefined ? '' : `; ms/req columns: share of busy × ${msPerRequest.toFixed(2)} CPU ms per request`}\n`,
  );
  if (argv.includes('--timeline')) out.write(`\nbusy ms in each second of the profile:\n${summary.timeline.map((ms, s) => `${s}:${ms}`).join(' ')}\n`);
  out.write(`\nfunctions by self time (top ${top})\n${table(summary.functions, summary.busyMs, top, msPerRequest)}\n`);
  const byTotal = [...summary.functions].sort((a, b) => b.totalMs - a.totalMs);
  out.write(`\nfunctions by total time (top ${top})\n${table(byTotal, summary.busyMs, top, msPerRequest)}\n`);
  out.write(`\nareas (builtins and Node helpers counted with their caller)\n${table(summary.areas, summary.busyMs, 100, msPerRequest)}\n`);
  out.write(`\npackages (top 40)\n${table(summary.packages, summary.busyMs, 40, msPerRequest)}\n`);
  const pattern = argv[argv.indexOf('--stacks') + 1];
  if (argv.includes('--stacks') && pattern) {
    out.write(`\nheaviest stacks into /${pattern}/\n`);
    for (const { ms, stack } of stacksInto(profile, new RegExp(pattern), { ...window, depth: argv.includes('--depth') ? Number(argv[argv.indexOf('--depth') + 1]) : undefined })) out.write(`${ms.toFixed(0)} ms\n  ${stack.join('\n  ')}\n`);
  }
}

if (require.main === module) {
  // `… | head` closes the pipe early: that is not a failure
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  main(process.argv.slice(2));
}
