export * from './domain/demand';
export * from './domain/demand-visibility';
export * from './domain/webhook-signature';
export * from './demand.api.module';
export * from './demand.module';
export * from './demands/demands.service';
export * from './domain/demand.entity';
export * from './domain/demand-access.entity';
