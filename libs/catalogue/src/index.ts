export * from './domain/catalogue';
export * from './domain/equipment.entity';
export * from './domain/industry-field.entity';
export * from './domain/industry-fields';
export * from './domain/pilot-service.entity';
export * from './domain/platform-qualification.entity';
export * from './domain/platform.entity';
