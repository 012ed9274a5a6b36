const { spawn } = require('node:child_process');
const { once } = require('node:events');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { supervise, stopChild } = require('./supervise');

/**
 * The `npm start` supervisor with tiny children (node -e) instead of the API and the worker, and a
 * backoff in milliseconds instead of seconds. Every wait is on an event — a log line, a child's output,
 * an exit — never on a timer of the test's own.
 */

const BACKOFF = { minMs: 50, maxMs: 400, healthyAfterMs: 60_000 };

/** Text arriving piece by piece (a stream, log lines); `until` resolves once it matches. */
class Output {
  constructor() {
    this.text = '';
    this.waiters = [];
  }

  push(chunk) {
    this.text += String(chunk);
    this.waiters = this.waiters.filter(({ pattern, resolve }) => {
      const match = pattern.exec(this.text);
      if (match) resolve(match);
      return !match;
    });
  }

  until(pattern) {
    const match = pattern.exec(this.text);
    return match ? Promise.resolve(match) : new Promise((resolve) => this.waiters.push({ pattern, resolve }));
  }
}

/** A child that counts its runs in `file` (its first argument), prints `up <run>`, then does `behaviour(run)`. */
function countingChild(behaviour) {
  return `
    const fs = require('node:fs');
    const file = process.argv[1];
    const run = Number(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : 0) + 1;
    fs.writeFileSync(file, String(run));
    process.stdout.write('up ' + run + '\\n');
    (${behaviour})(run);
  `;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if (error.code === 'ESRCH') return false;
    throw error;
  }
}

describe('npm start supervisor (scripts/lib/supervise.js)', () => {
  let dir;
  let stopping;
  let handle;
  /** Log lines, each with when it was written. */
  let logged;
  let log;
  /** Everything the current and former children printed. */
  let childOutput;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pilotlink-supervise-'));
    stopping = false;
    logged = [];
    log = new Output();
    childOutput = new Output();
  });
  afterEach(async () => {
    stopping = true;
    if (handle) await stopChild(handle, 1_000);
    handle = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Supervises a counting child, its output collected (each run's stdout piped in turn). */
  function superviseChild(name, behaviour) {
    const started = supervise(
      name,
      ['-e', countingChild(behaviour), path.join(dir, 'runs')],
      { stdio: ['ignore', 'pipe', 'inherit'] },
      () => stopping,
      {
        backoff: BACKOFF,
        log: (line) => {
          logged.push({ line, at: Date.now() });
          log.push(`${line}\n`);
        },
      },
    );
    const collect = (child) => child.stdout.on('data', (chunk) => childOutput.push(chunk));
    collect(started.child);
    started.on('start', collect);
    return started;
  }

  it('restarts a crashed child (SIGKILL) after the backoff, and the log says so', async () => {
    handle = superviseChild('worker', (run) => {
      if (run === 1) process.kill(process.pid, 'SIGKILL');
      else setInterval(() => {}, 1 << 30);
    });
    const first = handle.child;
    await childOutput.until(/up 2\n/);
    expect(handle.child).not.toBe(first);
    expect(first.signalCode).toBe('SIGKILL');
    expect(handle.child.exitCode).toBeNull();
    expect(logged.map((l) => l.line)).toEqual([
      '[start] worker exited (SIGKILL); restarting it in 50 ms',
      '[start] restarting worker',
    ]);
    expect(logged[1].at - logged[0].at).toBeGreaterThanOrEqual(BACKOFF.minMs - 5);
  });

  it('backs off a child that keeps crashing: doubling delays up to the cap, back to the minimum after a healthy run', async () => {
    const healthyAfterMs = 3_000;
    handle = supervise(
      'api',
      [
        '-e',
        countingChild((run) => {
          // Runs 1–5 crash at once; run 6 stays up past "healthy" (its own timer, the child's behaviour), then crashes.
          if (run === 6) setTimeout(() => process.exit(3), 3_500);
          else process.exit(3);
        }),
        path.join(dir, 'runs'),
      ],
      { stdio: 'ignore' },
      () => stopping,
      {
        backoff: { ...BACKOFF, healthyAfterMs },
        log: (line) => {
          logged.push({ line, at: Date.now() });
          log.push(`${line}\n`);
        },
      },
    );
    await log.until(/(?:exited[\s\S]*?){7}/);
    stopping = true;
    const exits = logged.filter((l) => l.line.includes('exited'));
    const delays = exits.slice(0, 7).map((l) => Number(/restarting it in (\d+) ms/.exec(l.line)[1]));
    expect(exits.slice(0, 7).every((l) => l.line.startsWith('[start] api exited (code 3); restarting it in'))).toBe(
      true,
    );
    // 50, 100, 200, 400 (the cap), 400; then run 6 ran longer than healthyAfterMs: 50 again, then 100.
    expect(delays).toEqual([50, 100, 200, 400, 400, 50, 100]);
    // Each restart came no sooner than announced.
    for (let i = 0; i < 6; i++) {
      const restarted = logged.find((l, j) => j > logged.indexOf(exits[i]) && l.line === '[start] restarting api');
      expect(restarted.at - exits[i].at).toBeGreaterThanOrEqual(delays[i] - 5);
    }
  });

  /** `npm start`'s shape: a supervisor process (createSupervisor) running an "api" and a stubborn "worker". */
  function startSupervisor() {
    const child = (name, stubborn) => `
      ${stubborn ? "process.on('SIGTERM', () => {}); process.on('SIGINT', () => {});" : ''}
      process.stdout.write('ready ${name} ' + process.pid + '\\n');
      setInterval(() => {}, 1 << 30);
    `;
    const script = `
      const { createSupervisor } = require(${JSON.stringify(require.resolve('./supervise'))});
      const supervisor = createSupervisor({
        killAfterMs: 300,
        backoff: ${JSON.stringify(BACKOFF)},
        onStop: async () => process.stderr.write('[test] services stopped\\n'),
      });
      supervisor.supervise('api', ['-e', ${JSON.stringify(child('api', false))}], {});
      supervisor.supervise('worker', ['-e', ${JSON.stringify(child('worker', true))}], {});
    `;
    // Its own process group, as a terminal's foreground job: Ctrl-C reaches the group.
    const proc = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const out = new Output();
    const err = new Output();
    proc.stdout.on('data', (chunk) => out.push(chunk));
    proc.stderr.on('data', (chunk) => err.push(chunk));
    return { proc, out, err, exited: once(proc, 'exit') };
  }

  it.each([
    ['Ctrl-C (SIGINT to the whole process group, as a terminal sends it)', (proc) => process.kill(-proc.pid, 'SIGINT')],
    ['SIGTERM to the supervisor alone', (proc) => proc.kill('SIGTERM')],
  ])('%s stops every child — one ignoring SIGTERM too — restarts none, and exits', async (_, signal) => {
    const { proc, out, err, exited } = startSupervisor();
    try {
      const api = Number((await out.until(/ready api (\d+)/))[1]);
      const worker = Number((await out.until(/ready worker (\d+)/))[1]);
      signal(proc);
      const [code] = await exited;
      expect(code).toBe(0);
      expect(err.text).toContain('[start] stopping api and worker …');
      expect(err.text).toContain('[test] services stopped');
      // (Ctrl-C reaches the api too, which may exit before the supervisor hears it: it is not restarted.)
      expect(err.text).not.toContain('[start] restarting');
      expect(out.text.match(/ready/g)).toHaveLength(2);
      expect([isAlive(api), isAlive(worker)]).toEqual([false, false]);
    } finally {
      if (proc.exitCode === null && proc.signalCode === null) process.kill(-proc.pid, 'SIGKILL');
    }
  });
});
