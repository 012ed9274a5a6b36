import 'reflect-metadata';
import { validateEnv } from '@pilotlink/core';
import { runMigrations } from '@pilotlink/database';
import { parseArgs } from 'node:util';
import { createAdmin } from './ops/create-admin';
import { deriveMeiliKeys, ensureMeiliKeys } from './ops/meili-keys';
import { runReindex } from './search/run-reindex';

const USAGE =
  'usage: cli.js migrate | reindex | meili:keys [--print] | ' +
  'admin:create --email E --name N --org-name O --uscc U --region R (password in ADMIN_PASSWORD)';

/**
 * Operations entry point: `node dist/apps/worker/src/cli.js <command>`.
 * Demo data is not the production worker's business: it has its own entry point, apps/demo/src/cli.ts.
 */
async function main(command: string | undefined, args: string[]): Promise<void> {
  const env = validateEnv(process.env);
  switch (command) {
    case 'migrate': {
      const applied = await runMigrations(env.DATABASE_URL);
      console.log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations: up to date');
      return;
    }
    case 'reindex': {
      for (const r of await runReindex()) {
        console.log(
          `reindexed ${r.index}: ${r.documents} documents in ${r.seconds.toFixed(1)} s (${r.requeued} requeued)`,
        );
      }
      return;
    }
    case 'meili:keys': {
      // The master key only ever creates these two keys. `--print` computes them offline for docker/.env.
      const { values } = parseArgs({ args, options: { print: { type: 'boolean' } } });
      if (values.print) {
        const keys = deriveMeiliKeys(env.MEILI_MASTER_KEY);
        console.log(`MEILI_SEARCH_KEY=${keys.search}\nMEILI_ADMIN_KEY=${keys.admin}`);
        return;
      }
      await ensureMeiliKeys(env.MEILI_URL, env.MEILI_MASTER_KEY, env.MEILI_INDEX_PREFIX);
      console.log('meilisearch keys: search-only (API) and admin (worker) keys are in place');
      return;
    }
    case 'admin:create': {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: 'string' },
          name: { type: 'string' },
          'org-name': { type: 'string', default: 'PilotLink 中试通运营中心' },
          uscc: { type: 'string' },
          region: { type: 'string' },
        },
      });
      const password = process.env.ADMIN_PASSWORD;
      if (!values.email || !values.name || !values.uscc || !values.region || !password) throw new Error(USAGE);
      const created = await createAdmin({
        email: values.email,
        displayName: values.name,
        password,
        orgName: values['org-name'],
        uscc: values.uscc,
        regionCode: values.region,
      });
      // Nothing secret: the password came from the operator's environment and is not echoed.
      console.log(`admin created: ${values.email.toLowerCase()} (org ${created.orgId})`);
      return;
    }
    default:
      throw new Error(USAGE);
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: Error) => {
  const plain = ['Invalid configuration', 'usage', 'Refusing', 'ADMIN_PASSWORD', 'a user with', 'USCC'];
  console.error(plain.some((p) => error.message.startsWith(p)) ? error.message : error);
  process.exit(1);
});
