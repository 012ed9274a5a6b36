import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** The channel every insert into the outbox notifies (the `outbox_inserted` trigger, migration 1765582000000). */
export const OUTBOX_CHANNEL = 'outbox_inserted';
/** After the listening connection is lost (PostgreSQL restarted, the backend terminated), it is made again after this. */
export const LISTENER_RECONNECT_MS = 1_000;

/**
 * A dedicated PostgreSQL connection (outside the pool: it is held for the process's life) that LISTENs on
 * the outbox channel and calls `onWake` for each notification — and once each time it starts listening,
 * since rows may have been inserted while it was not. A lost connection is logged and made again; it
 * never throws, so a database outage never stops the worker (the relay polls meanwhile).
 */
export class OutboxListener {
  private readonly logger = new Logger(OutboxListener.name);
  private client?: Client;
  private reconnect?: NodeJS.Timeout;
  private stopped = false;
  private lostSince?: number;

  constructor(
    private readonly connectionString: string,
    private readonly onWake: () => void,
  ) {}

  /** Whether notifications are arriving now (the relay polls faster while they are not). */
  get listening(): boolean {
    return this.client !== undefined;
  }

  start(): void {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnect);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.connectionString,
      application_name: 'pilotlink-outbox-listener',
    });
    let lost = false;
    const onLost = (error?: unknown) => {
      if (lost) return;
      lost = true;
      this.lost(client, error);
    };
    client.on('error', onLost);
    client.on('end', () => onLost());
    client.on('notification', () => this.onWake());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      onLost(error);
      return;
    }
    if (lost || this.stopped) return void client.end().catch(() => undefined);
    this.client = client;
    if (this.lostSince !== undefined) {
      this.logger.log(`listening for outbox inserts again after ${Math.round((Date.now() - this.lostSince) / 1000)} s`);
      this.lostSince = undefined;
    }
    this.onWake();
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client === client) this.client = undefined;
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    if (this.lostSince === undefined) {
      this.lostSince = Date.now();
      this.logger.warn({ err: error }, 'outbox listener lost its connection: the relay polls until it is back');
    }
    clearTimeout(this.reconnect);
    this.reconnect = setTimeout(() => void this.connect(), LISTENER_RECONNECT_MS);
  }
}
