export * from './audit-event.entity';
export * from './audit.module';
export * from './audit.service';
export * from './audit.api.module';
export * from './audit-event.response.dto';
