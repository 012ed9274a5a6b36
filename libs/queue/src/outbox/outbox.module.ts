import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxEvent } from './outbox.entity';
import { OutboxService } from './outbox.service';
import { OutboxRelayHandlers } from './relay/outbox-relay-handlers.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxEvent])],
  providers: [OutboxService, OutboxRelayHandlers],
  exports: [OutboxService, OutboxRelayHandlers],
})
export class OutboxModule {}
