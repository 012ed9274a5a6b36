export * from './domain/order';
export * from './domain/reservation-rules';
export * from './booking.module';
export * from './orders/order-records.service';
export * from './orders/order.entity';
