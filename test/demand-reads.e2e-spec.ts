import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createPrivilegedOrg, createTestApp, RegisteredOrg, registerOrg, TestApp } from '@pilotlink/testing';
import { DataSource } from 'typeorm';
import { inboxOf, listedPlatformWithService, settle, waitFor } from './support/notification-fixtures';

/** SELECTs naming the demands table (TypeORM's `"demands"` or raw `demands`), not its sibling tables. */
const READS_DEMANDS = /^\s*(with|select)\b[\s\S]*\b(from|join)\s+"?demands"?(\s|$|\))/i;

interface Read {
  source: 'api' | 'worker';
  caller: string;
}

/** Counts every statement a DataSource sends that reads `demands`, naming the library file that sent it. */
function countDemandReads(dataSource: DataSource, source: Read['source'], into: Read[]): void {
  const logger = dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, queryRunner) => {
    if (READS_DEMANDS.test(query)) {
      const frame = (new Error().stack ?? '').split('\n').find((line) => /\/(libs|apps)\/(?!testing)/.test(line));
      into.push({
        source,
        caller:
          frame?.replace(/^.*\/((libs|apps)\/[^:]+):(\d+).*$/, '$1:$3') ??
          `? ${query.replace(/\s+/g, ' ').slice(0, 90)}`,
      });
    }
    return logQuery(query, parameters, queryRunner);
  };
}

/**
 * How many times the demand is read for one publication that tells 20 platforms: the API's publish,
 * the search sync and the notification dispatch together (before the audience was the demand's to
 * tell, 25 reads: the dispatch read it twice and the notifier once per recipient; now 4).
 */
describe('reads of a demand per publication (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let sme: RegisteredOrg;
  const operators: RegisteredOrg[] = [];
  const reads: Read[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const bureau = await createPrivilegedOrg(t, 'BUREAU', '350500');
    sme = await registerOrg(t.http, { name: '晋江陶瓷科技有限公司' });
    await t.http.post(`/api/orgs/${sme.orgId}/verify`).set(bureau.auth).expect(200);
    for (let i = 0; i < 20; i++) {
      const operator = await registerOrg(t.http, { kind: 'PLATFORM_OPERATOR', name: `陶瓷中试平台${i}运营有限公司` });
      await t.http.post(`/api/orgs/${operator.orgId}/verify`).set(bureau.auth).expect(200);
      operators.push(operator);
    }
    // Three are matched by their service; the other seventeen are told because their subscription fits.
    for (const [i, operator] of operators.slice(0, 3).entries()) {
      await listedPlatformWithService(t, operator, bureau, {
        title: `氧化铝陶瓷基板流延成型中试${i}`,
        description: '氧化铝陶瓷基板 流延成型 烧结 中试放大',
        fieldCodes: ['MATERIALS_CERAMICS'],
        category: 'SCALE_UP',
      });
    }
    for (const operator of operators.slice(3)) {
      await t.http
        .post('/api/subscriptions')
        .set(operator.auth)
        .send({ fieldCodes: ['MATERIALS'] })
        .expect(201);
    }
    worker = await t.startWorker();
    await settle(t);
    countDemandReads(t.db, 'api', reads);
    countDemandReads(worker.get<DataSource>(getDataSourceToken()), 'worker', reads);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('publishing a demand to 20 platforms reads the demand a fixed number of times, not once per recipient', async () => {
    const created = await t.http
      .post('/api/demands')
      .set(sme.auth)
      .send({
        title: '氧化铝陶瓷基板流延成型中试',
        description: '需要验证氧化铝陶瓷基板的流延成型与烧结工艺',
        fieldCode: 'MATERIALS_CERAMICS',
        stage: 'PILOT',
        categories: ['SCALE_UP'],
        budgetMaxFen: 15_000_000,
        regionCode: '350582',
        mode: 'OPEN',
        confidentiality: 'PUBLIC',
      });
    expect(created.status).toBe(201);
    const demandId = created.body.id as string;
    // Whatever the draft set off is relayed before counting starts, so only the publication's reads count.
    await settle(t);
    reads.length = 0;
    await t.http.post(`/api/demands/${demandId}/publish`).set(sme.auth).expect(200);
    // The publish request itself, counted on the API's DataSource only: the worker may already be indexing the
    // demand before the response is back, and its reads are counted below.
    expect(reads.filter((read) => read.source === 'api').length).toBeLessThanOrEqual(2);
    await waitFor(
      async () => (await t.db.query(`SELECT 1 FROM notifications WHERE subject_id = $1`, [demandId])).length === 20,
      'all 20 platforms to be told',
    );
    await settle(t);
    for (const operator of operators) expect(await inboxOf(t, operator.orgId, demandId)).toHaveLength(1);

    // The API reads it to publish it; the worker once to index it and once to tell all 20 recipients
    // (each recipient's job carries its view: the notifier does not read the demand again).
    const inWorker = reads.filter((read) => read.source === 'worker').map((read) => read.caller);
    if (inWorker.length > 2) {
      throw new Error(`the worker read the demand ${inWorker.length} times:\n${inWorker.join('\n')}`);
    }
  });
});
