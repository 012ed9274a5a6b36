import { NestFactory } from '@nestjs/core';
import { DemoCatalogueSeed } from './demo-catalogue.seed';
import { DemoIdentitySeed, SeedResult } from './demo-identity.seed';
import { DemoVouchersSeed } from './demo-vouchers.seed';
import { DemoSubsidiesSeed } from './demo-subsidies.seed';
import { DemoResearchSeed } from './demo-research.seed';
import { SeedModule } from './seed.module';

/** Demo data (public logins, a known password) never goes into a production database. */
export async function runSeed(nodeEnv: string): Promise<SeedResult> {
  if (nodeEnv === 'production') {
    throw new Error(
      'Refusing to load demo data in production (its logins are public); create the first admin with `cli.js admin:create`',
    );
  }
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const identity = await app.get(DemoIdentitySeed).run();
    const catalogue = await app.get(DemoCatalogueSeed).run();
    const vouchers = await app.get(DemoVouchersSeed).run();
    const subsidies = await app.get(DemoSubsidiesSeed).run();
    const research = await app.get(DemoResearchSeed).run();
    const created = identity.created + catalogue.created + vouchers.created + subsidies.created + research.created;
    return { ...identity, created };
  } finally {
    await app.close();
  }
}
