export * from './domain/demand';
export * from './domain/demand-visibility';
export * from './domain/webhook-signature';
