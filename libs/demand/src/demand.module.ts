import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@pilotlink/identity';
import { DemandsService } from './demands/demands.service';
import { DemandInvitation, DemandNdaAcceptance } from './domain/demand-access.entity';
import { Demand } from './domain/demand.entity';

@Module({
  imports: [IdentityModule, TypeOrmModule.forFeature([Demand, DemandInvitation, DemandNdaAcceptance])],
  providers: [DemandsService],
  exports: [DemandsService],
})
export class DemandModule {}
