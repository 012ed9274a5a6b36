import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BookingModule } from '@pilotlink/booking';
import { DemandModule } from '@pilotlink/demand';
import { IdentityModule } from '@pilotlink/identity';
import { ResultFactsModule } from '@pilotlink/research';
import { KeyProject, KeyProjectMilestone } from './key-project.entity';
import { KeyProjectSubjects } from './key-project-subjects.service';
import { KeyProjectViews } from './key-project-views.service';
import { KeyProjectsService } from './key-projects.service';

/**
 * 重点项目清单: the bureau's tracked results, demands and orders. Talks to research, demand and booking only
 * through their facts ports (ResultFacts — its own small module —, DemandFacts, OrderFacts), and to identity through OrgDirectory.
 */
@Module({
  imports: [
    IdentityModule,
    ResultFactsModule,
    DemandModule,
    BookingModule,
    TypeOrmModule.forFeature([KeyProject, KeyProjectMilestone]),
  ],
  providers: [KeyProjectsService, KeyProjectSubjects, KeyProjectViews],
  exports: [KeyProjectsService],
})
export class KeyProjectsModule {}
