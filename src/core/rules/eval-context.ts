/** Makes the context a rule is evaluated in; a fix built later keeps it, so it lives from one lint to the next. */
import type { EngineConfig } from '../config/types';
import type { Subject } from '../subjects/types';
import type { EvalContext } from './evaluate';
import { plainConstructor } from '../util/lint-lived';

const EvalContextObject = plainConstructor(function (this: EvalContext, config: EngineConfig, subject: Subject, related: EvalContext['related']) {
  this.config = config;
  this.subject = subject;
  this.related = related;
});

export function newEvalContext(config: EngineConfig, subject: Subject, related: EvalContext['related']): EvalContext {
  return new EvalContextObject(config, subject, related);
}
