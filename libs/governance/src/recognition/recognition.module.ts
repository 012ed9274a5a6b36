import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueModule } from '@pilotlink/catalogue';
import { EvaluationsService } from './evaluations.service';
import { PlatformEvaluation } from './platform-evaluation.entity';
import { PlatformIndicatorsReadModel } from './platform-indicators.read-model';
import { PlatformIndicatorsService } from './platform-indicators.service';
import { PlatformRecognition } from './platform-recognition.entity';
import { RecognitionsService } from './recognitions.service';

// The context's public surface for other modules (reports, the worker), via the library index.
export { EvaluationsService } from './evaluations.service';
export { PlatformIndicatorsService } from './platform-indicators.service';
export { RecognitionsService } from './recognitions.service';

const SERVICES = [PlatformIndicatorsService, RecognitionsService, EvaluationsService];

/** Recognition (认定) and annual evaluation (绩效评价): services for the API and the worker. */
@Module({
  imports: [CatalogueModule, TypeOrmModule.forFeature([PlatformRecognition, PlatformEvaluation])],
  providers: [PlatformIndicatorsReadModel, ...SERVICES],
  exports: [...SERVICES],
})
export class RecognitionModule {}
