import { Logger } from '@nestjs/common';
import { DataSource, QueryFailedError } from 'typeorm';
import { isRetryableTransactionError, withTransaction } from './transaction';

function pgError(code: string): QueryFailedError {
  const driverError = Object.assign(new Error(`pg ${code}`), { code });
  return new QueryFailedError('SELECT 1', [], driverError);
}

type Work = (m: unknown) => Promise<unknown>;

/**
 * A DataSource stand-in whose transaction() just calls the work, noting the isolation level it was asked
 * for (none: the session's READ COMMITTED); enough to test the retry loop.
 */
function fakeDataSource(asked: (string | undefined)[] = []): DataSource {
  const transaction = (isoOrWork: string | Work, work?: Work) => {
    asked.push(typeof isoOrWork === 'string' ? isoOrWork : undefined);
    return (typeof isoOrWork === 'string' ? work! : isoOrWork)({});
  };
  return { transaction } as unknown as DataSource;
}

describe('withTransaction', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('recognises serialization failures and deadlocks only', () => {
    expect(isRetryableTransactionError(pgError('40001'))).toBe(true);
    expect(isRetryableTransactionError(pgError('40P01'))).toBe(true);
    expect(isRetryableTransactionError(pgError('23505'))).toBe(false);
    expect(isRetryableTransactionError(new Error('boom'))).toBe(false);
  });

  it('names an isolation level only when it is not the session default', async () => {
    const asked: (string | undefined)[] = [];
    const ds = fakeDataSource(asked);
    await withTransaction(ds, async () => 1);
    await withTransaction(ds, async () => 1, { isolation: 'READ COMMITTED' });
    await withTransaction(ds, async () => 1, { isolation: 'SERIALIZABLE' });
    expect(asked).toEqual([undefined, undefined, 'SERIALIZABLE']);
  });

  it('retries the whole unit until it succeeds', async () => {
    let calls = 0;
    const result = await withTransaction(fakeDataSource(), async () => {
      calls += 1;
      if (calls < 3) throw pgError('40001');
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after maxAttempts and rethrows other errors at once', async () => {
    let calls = 0;
    await expect(
      withTransaction(
        fakeDataSource(),
        async () => {
          calls += 1;
          throw pgError('40P01');
        },
        { maxAttempts: 2 },
      ),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      withTransaction(fakeDataSource(), async () => {
        calls += 1;
        throw pgError('23505');
      }),
    ).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(1);
  });

  it('runs a unit again when its connection died before COMMIT, never when COMMIT itself failed', async () => {
    const terminated = () => pgError('57P01');
    let calls = 0;
    const result = await withTransaction(fakeDataSource(), async () => {
      calls += 1;
      if (calls === 1) throw terminated();
      if (calls === 2) throw new Error('Connection terminated unexpectedly');
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(3);

    // COMMIT lost with the connection: it may have committed, so the unit must not run twice.
    calls = 0;
    const commitLost = {
      transaction: async (work: Work) => {
        await work({});
        throw terminated();
      },
    } as unknown as DataSource;
    await expect(withTransaction(commitLost, async () => (calls += 1))).rejects.toBeInstanceOf(QueryFailedError);
    expect(calls).toBe(1);
  });
});
