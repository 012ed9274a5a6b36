import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvaluationsService } from './evaluations.service';
import { PlatformEvaluation } from './platform-evaluation.entity';
import { PlatformIndicatorsService } from './platform-indicators.service';
import { PlatformRecognition } from './platform-recognition.entity';
import { PlatformStanding } from './platform-standing';
import { RecognitionsService } from './recognitions.service';

// The context's public surface for other modules (reports, the worker), via the library index.
export { EvaluationsService } from './evaluations.service';
export { PlatformEvaluation } from './platform-evaluation.entity';
export { PlatformIndicatorsService } from './platform-indicators.service';
export { PlatformRecognition } from './platform-recognition.entity';
export { RecognitionsService } from './recognitions.service';

const SERVICES = [PlatformStanding, PlatformIndicatorsService, RecognitionsService, EvaluationsService];

/** Recognition (认定) and annual evaluation (绩效评价): services for the API and the worker. */
@Module({
  imports: [TypeOrmModule.forFeature([PlatformRecognition, PlatformEvaluation])],
  providers: SERVICES,
  exports: [...SERVICES, TypeOrmModule],
})
export class RecognitionModule {}
