export * from './outbox/outbox.entity';
export * from './outbox/outbox.module';
export * from './outbox/outbox.service';
export * from './queue.module';
export * from './queues';
export * from './redis.module';
export * from './outbox/outbox-relay-lock';
export * from './queue-unavailable.interceptor';
