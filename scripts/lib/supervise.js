const { spawn } = require('node:child_process');
const { EventEmitter } = require('node:events');

/** Restart backoff: 1 s, doubling to 30 s; a child that ran a minute is healthy again and starts over at 1 s. */
const BACKOFF = { minMs: 1_000, maxMs: 30_000, healthyAfterMs: 60_000 };
/** A child still running this long after SIGTERM is killed. */
const KILL_AFTER_MS = 10_000;

const log = (line) => process.stderr.write(`${line}\n`);

/**
 * Runs one of the API and the worker, and keeps it running: a child that exits or crashes (whatever the
 * signal, even SIGKILL) is started again after a backoff, and the log says so. Only Ctrl-C (or SIGTERM to
 * this command) stops everything. Returns a handle whose `child` is the current process; it emits
 * 'start' with each child started after the first.
 */
function supervise(name, args, options, isStopping, { backoff = BACKOFF, log: write = log } = {}) {
  const handle = Object.assign(new EventEmitter(), { name, child: null, delay: backoff.minMs, timer: null });
  const start = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, { stdio: 'inherit', ...options });
    handle.child = child;
    child.on('exit', (code, signal) => {
      if (isStopping()) return;
      if (Date.now() - startedAt >= backoff.healthyAfterMs) handle.delay = backoff.minMs;
      const wait = handle.delay;
      handle.delay = Math.min(handle.delay * 2, backoff.maxMs);
      write(`[start] ${name} exited (${signal ?? `code ${code}`}); restarting it in ${duration(wait)}`);
      handle.timer = setTimeout(() => {
        handle.timer = null;
        if (isStopping()) return;
        write(`[start] restarting ${name}`);
        handle.emit('start', start());
      }, wait);
    });
    return child;
  };
  start();
  return handle;
}

/**
 * The children of `npm start` and their lifecycle: `supervise` starts one and keeps it running; Ctrl-C
 * (SIGINT) or SIGTERM to this process — or `shutdown` — stops them all (SIGTERM, then SIGKILL for one
 * still running after `killAfterMs`), runs `onStop` (stopping the services the command started), and exits.
 */
function createSupervisor({
  onStop = async () => {},
  backoff = BACKOFF,
  killAfterMs = KILL_AFTER_MS,
  log: write = log,
} = {}) {
  const handles = [];
  let stopping = false;
  const isStopping = () => stopping;

  async function shutdown(code) {
    if (stopping) return;
    stopping = true;
    if (handles.length) write(`[start] stopping ${handles.map((h) => h.name).join(' and ')} …`);
    await Promise.all(handles.map((handle) => stopChild(handle, killAfterMs)));
    await onStop();
    process.exit(code);
  }

  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  return {
    isStopping,
    shutdown,
    supervise(name, args, options) {
      const handle = supervise(name, args, options, isStopping, { backoff, log: write });
      handles.push(handle);
      return handle;
    },
  };
}

/** Cancels a pending restart and stops the child: SIGTERM, SIGKILL after `killAfterMs`. */
function stopChild(handle, killAfterMs) {
  if (handle.timer) clearTimeout(handle.timer);
  handle.timer = null;
  const child = handle.child;
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), killAfterMs).unref();
  });
}

function duration(ms) {
  return ms >= 1_000 ? `${(ms / 1000).toFixed(0)} s` : `${ms} ms`;
}

module.exports = { supervise, createSupervisor, stopChild, BACKOFF };
