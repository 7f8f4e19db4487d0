/**
 * Runs a campaign in a child process started by `supervisor.ts`, naming each case before it
 * starts. A separate process, not a worker thread: some failures (a V8 fatal error, running out
 * of memory) end the whole process, and the supervisor must survive them to name the case.
 */
import { runCampaign, type CampaignOptions, type Failure } from './campaign';
import { enableGc } from './measure';

export interface ChildRequest {
  mode: CampaignOptions['mode'];
  seed: number;
  only?: string;
}

export type ChildMessage = { type: 'case'; id: string } | { type: 'failure'; failure: Failure } | { type: 'done'; report: Awaited<ReturnType<typeof runCampaign>> } | { type: 'error'; message: string };

function send(message: ChildMessage): void {
  process.send?.(message);
}

process.once('message', (request: ChildRequest) => {
  enableGc();
  runCampaign({ ...request, onCase: (id) => send({ type: 'case', id }), onFailure: (failure) => send({ type: 'failure', failure }) }).then(
    (report) => send({ type: 'done', report }),
    (error: unknown) => send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
