import { NestFactory } from '@nestjs/core';
import { DemoCatalogueSeed } from './demo-catalogue.seed';
import { DEMO_MEMBERS, DEMO_ORGS, DemoIdentitySeed, SeedResult } from './demo-identity.seed';
import { DemoSubsidiesSeed } from './demo-subsidies.seed';
import { DemoResearchSeed } from './demo-research.seed';
import { SeedModule } from './seed.module';
import { DemoGovernanceSeed } from './story/demo-governance.seed';
import { DemoKeyProjectsSeed } from './story/demo-key-projects.seed';
import { DemoResearchPilotSeed } from './story/demo-research-pilot.seed';
import { DemoMarketplaceSeed } from './story/demo-marketplace.seed';
import { DEMO_OPERATOR_LOGINS, DemoOperatorsSeed } from './story/demo-operators.seed';
import { DemoProgramsSeed } from './story/demo-programs.seed';
import { StoryKit } from './story/story-kit.service';

/** Demo data (public logins, a known password) never goes into a production database. */
export async function runSeed(nodeEnv: string): Promise<SeedResult & { moreAccounts: string[]; seconds: number }> {
  if (nodeEnv === 'production') {
    throw new Error(
      'Refusing to load demo data in production (its logins are public); create the first admin with `cli.js admin:create`',
    );
  }
  const startedAt = Date.now();
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    const identity = await app.get(DemoIdentitySeed).run();
    let created = identity.created;
    for (const seed of [DemoCatalogueSeed, DemoSubsidiesSeed, DemoOperatorsSeed]) {
      created += (await app.get<{ run(): Promise<{ created: number }> }>(seed).run()).created;
    }
    // The story, told through the domain services on the seed's clock; each part runs once. Two seeds
    // started together would both find a part missing: the second waits for the first and then skips it.
    const kit = app.get(StoryKit);
    const lock = kit.dataSource.createQueryRunner();
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(hashtext('pilotlink.demo-story'))`);
      for (const seed of [DemoMarketplaceSeed, DemoProgramsSeed, DemoGovernanceSeed]) {
        created += (await app.get<{ run(): Promise<{ created: number }> }>(seed).run()).created;
      }
    } catch (error) {
      // A part is skipped once its first row exists, so a part that broke halfway is not retried by itself.
      (error as Error).message += ' — the demo story stopped halfway; `npm run seed -- --reset` rebuilds it';
      throw error;
    } finally {
      kit.restore();
      await lock.query(`SELECT pg_advisory_unlock(hashtext('pilotlink.demo-story'))`).catch(() => undefined);
      await lock.release();
    }
    // Results and policy notices after the story: the notices link to the programs it opened.
    created += (await app.get(DemoResearchSeed).run()).created;
    // A result into a pilot: a platform's proposal accepted into an order.
    created += (await app.get(DemoResearchPilotSeed).run()).created;
    // Key projects last: one tracks a demo result.
    created += (await app.get(DemoKeyProjectsSeed).run()).created;
    const printed = new Set(identity.logins.map((l) => l.email));
    const moreAccounts = [...DEMO_ORGS, ...DEMO_MEMBERS, ...DEMO_OPERATOR_LOGINS]
      .map((a) => a.email)
      .filter((email) => !printed.has(email));
    return { ...identity, created, moreAccounts, seconds: (Date.now() - startedAt) / 1000 };
  } finally {
    await app.close();
  }
}
