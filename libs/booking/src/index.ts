export * from './domain/order';
export * from './domain/reservation-rules';
