const { spawn } = require('node:child_process');

/** Restart backoff: 1 s, doubling to 30 s; a child that ran a minute is healthy again and starts over at 1 s. */
const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 30_000;
const HEALTHY_AFTER_MS = 60_000;

/**
 * Runs one of the API and the worker, and keeps it running: a child that exits or crashes (whatever the
 * signal, even SIGKILL) is started again after a backoff, and the log says so. Only Ctrl-C (or SIGTERM to
 * this command) stops everything. Returns a handle whose `child` is the current process.
 */
function supervise(name, args, options, isStopping) {
  const handle = { name, child: null, delay: RESTART_MIN_MS, timer: null };
  const start = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, { stdio: 'inherit', ...options });
    handle.child = child;
    child.on('exit', (code, signal) => {
      if (isStopping()) return;
      if (Date.now() - startedAt >= HEALTHY_AFTER_MS) handle.delay = RESTART_MIN_MS;
      const wait = handle.delay;
      handle.delay = Math.min(handle.delay * 2, RESTART_MAX_MS);
      process.stderr.write(
        `[start] ${name} exited (${signal ?? `code ${code}`}); restarting it in ${(wait / 1000).toFixed(0)} s\n`,
      );
      handle.timer = setTimeout(() => {
        handle.timer = null;
        if (isStopping()) return;
        process.stderr.write(`[start] restarting ${name}\n`);
        start();
      }, wait);
    });
  };
  start();
  return handle;
}

module.exports = { supervise };
