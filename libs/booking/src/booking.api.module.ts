import { Module } from '@nestjs/common';
import { OrdersController } from './api/orders.controller';
import { ReviewsController } from './api/reviews.controller';
import { BookingModule } from './booking.module';
import { EquipmentScheduleController } from './reservations/api/equipment-schedule.controller';
import { ReservationsController } from './reservations/api/reservations.controller';
import { ReservationsModule } from './reservations/reservations.module';

/** HTTP routes of the booking context: orders, payments, deliverables, reviews and reservations. */
@Module({
  imports: [BookingModule, ReservationsModule],
  controllers: [OrdersController, ReviewsController, ReservationsController, EquipmentScheduleController],
})
export class BookingApiModule {}
