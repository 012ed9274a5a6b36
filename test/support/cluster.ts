import { createTestApp, TestApp, TestAppOptions } from '@pilotlink/testing';
import { ApiProcess } from './api-process';
import { WorkerProcess } from './worker-process';

/**
 * PilotLink as a deployment runs it scaled out: two API and two worker processes (the real entry points,
 * each an OS process of its own) on one PostgreSQL database, one Redis prefix and one set of Meilisearch
 * indexes — those of a test app, whose in-process API and database handle the tests use for setting up
 * and for reading what happened (never for what is under test).
 */
export interface Cluster {
  t: TestApp;
  apis: ApiProcess[];
  workers: WorkerProcess[];
  /** Which of the processes a PostgreSQL session belongs to (its application_name names the OS pid). */
  processOfBackend(applicationName: string): ApiProcess | WorkerProcess | undefined;
  close(): Promise<void>;
}

export async function startCluster(options: TestAppOptions = {}): Promise<Cluster> {
  const t = await createTestApp(options);
  const env = () => ({ ...process.env, ...t.env });
  const apis = [new ApiProcess(env()), new ApiProcess(env())];
  const workers = [new WorkerProcess(env()), new WorkerProcess(env())];
  const all = [...apis, ...workers];
  try {
    // Both workers boot at once, as replicas do after a deploy (their schedulers registered concurrently).
    await Promise.all(all.map((p) => p.start()));
  } catch (error) {
    await Promise.all(all.map((p) => p.stop()));
    await t.close();
    throw error;
  }
  return {
    t,
    apis,
    workers,
    processOfBackend(applicationName) {
      const pid = Number(/^pilotlink (\d+)@/.exec(applicationName)?.[1]);
      return all.find((p) => p.running && p.pid === pid);
    },
    async close() {
      await Promise.all(all.map((p) => p.stop()));
      await t.close();
    },
  };
}
