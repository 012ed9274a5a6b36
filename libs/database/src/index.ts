export * from './base.entity';
export * from './database.module';
export * from './prepared-statements';
export * from './run-migrations';
export * from './transaction';
export * from './typeorm-options';
export * from './sql';
