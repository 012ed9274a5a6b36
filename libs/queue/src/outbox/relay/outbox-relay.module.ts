import { Module } from '@nestjs/common';
import { OutboxRelay } from './outbox-relay.service';

/**
 * Runs the outbox relay from boot to shutdown: only the worker imports it. The handlers it routes to
 * are registered in OutboxModule's OutboxRelayHandlers by the consumers' modules.
 */
@Module({ providers: [OutboxRelay] })
export class OutboxRelayModule {}
