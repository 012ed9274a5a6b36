export * from './domain';
export * from './governance.api.module';
export * from './recognition/recognition.module';
export * from './subsidies/subsidies.module';
export * from './reports/reports.module';
export * from './subsidies/subsidy.entities';
export * from './subsidies/subsidies.service';
export * from './subsidies/revenue-declarations.service';
