import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJob, type QueueName } from '../src/platform/jobs.js';
import { importsProcessor } from '../workers/imports.js';
import { tenantsProcessor } from '../workers/tenants.js';
import { testContext } from './helpers.js';
import { obliterateQueues } from './ops-helpers.js';
import { runWorkers } from './sending-helpers.js';

// Its own queue prefix: the bad jobs added here reach only this file's workers.
const ctx = testContext({ QUEUE_PREFIX: `${process.env.QUEUE_PREFIX}_contracts_${process.pid}` });

runWorkers(ctx, importsProcessor, tenantsProcessor);
beforeAll(() => ctx.jobs.ready());
afterAll(() => obliterateQueues(ctx.config.QUEUE_PREFIX));

/** Adds a job straight to the queue, as a producer bypassing `enqueue` would, and waits for it to finish. */
async function runRawJob(queueName: QueueName, jobName: string, data: unknown) {
  const queue = ctx.jobs.queue(queueName);
  const added = await queue.add(jobName, data);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const job = await queue.getJob(added.id as string);
    if (job?.finishedOn) return { job, state: await job.getState() };
    if (Date.now() > deadline) throw new Error(`job ${added.id} on ${queueName} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('job contracts', () => {
  it('fails a job with a bad payload at once, without retries, naming queue, job and field', async () => {
    const { job, state } = await runRawJob('imports', 'import', { importId: ['imp_not_a_string'] });
    expect(state).toBe('failed');
    // The queue allows 5 attempts; an unrecoverable failure uses one.
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/queue imports/);
    expect(job.failedReason).toMatch(/"import"/);
    expect(job.failedReason).toMatch(/importId: .*expected string/);
  });

  it('fails a tenants job whose field is misspelt, and one whose name is unknown', async () => {
    const misspelt = await runRawJob('tenants', 'delete', { tenantID: 'tnt_x' });
    expect(misspelt.state).toBe('failed');
    expect(misspelt.job.attemptsMade).toBe(1);
    expect(misspelt.job.failedReason).toMatch(/queue tenants, job "delete": bad payload: .*tenantId/);

    const unknown = await runRawJob('tenants', 'purge', { tenantId: 'tnt_x' });
    expect(unknown.state).toBe('failed');
    expect(unknown.job.attemptsMade).toBe(1);
    expect(unknown.job.failedReason).toBe('queue tenants: unknown job name "purge" (expected delete, release, sweep)');
  });

  it('hands processors the data narrowed by the job name', () => {
    const parsed = parseJob('tenants', { name: 'release', data: { tenantId: 'tnt_x', suspendedAt: 1_700_000_000_000 } });
    expect(parsed).toEqual({ name: 'release', data: { tenantId: 'tnt_x', suspendedAt: 1_700_000_000_000 } });
    expect(() => parseJob('tenants', { name: 'release', data: { tenantId: 'tnt_x' } })).toThrow(/suspendedAt/);
  });
});
