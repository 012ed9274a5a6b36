/**
 * A browser journey signs in several roles and walks a whole flow: on CI's two cores, beside the e2e
 * suites, one can take minutes. This is a hang guard, not a wait — each step waits for what the page
 * shows, with Playwright's own 30 s limit per step, which names the step that did not happen.
 */
jest.setTimeout(300_000);
