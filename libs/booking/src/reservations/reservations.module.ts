import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@pilotlink/catalogue';
import { BookingModule } from '../booking.module';
import { EquipmentBlock } from './equipment-block.entity';
import { EquipmentScheduleService } from './equipment-schedule.service';
import { Reservation } from './reservation.entity';
import { ReservationsService } from './reservations.service';

/** Equipment reservations, maintenance blocks, availability and utilisation. */
@Module({
  imports: [BookingModule, TypeOrmModule.forFeature([Reservation, EquipmentBlock]), CatalogueModule],
  providers: [ReservationsService, EquipmentScheduleService],
  exports: [ReservationsService, EquipmentScheduleService],
})
export class ReservationsModule {}
