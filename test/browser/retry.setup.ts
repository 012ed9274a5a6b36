/**
 * A browser test that fails is run once more, with its first failure printed. Two of six clean-clone CI
 * runs lost a browser spec to a wait that timed out after a form was saved, and no local run of the same
 * code did (see the closing notes). A broken feature still fails both attempts; the printed first
 * failure keeps a flaky wait visible instead of hiding it.
 */
jest.retryTimes(1, { logErrorsBeforeRetry: true });
