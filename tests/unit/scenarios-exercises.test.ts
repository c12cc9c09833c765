/**
 * Every shipped exercise, done the way the app does it (the same worker handlers the screens call): not
 * done after loading, done after the task — and only that exercise changes, so a check cannot be passed by
 * doing something else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { activitiesHandlers as activities } from '../../workers/db/features/activities/handlers';
import { duplicatesHandlers as duplicates } from '../../workers/db/features/duplicates/handlers';
import { ordersHandlers as orders } from '../../workers/db/features/orders/handlers';
import { outreachHandlers as outreach } from '../../workers/db/features/outreach/handlers';
import { pipelineHandlers as pipeline } from '../../workers/db/features/pipeline/handlers';
import { recordsHandlers as records } from '../../workers/db/features/records/handlers';
import { scenariosHandlers } from '../../workers/db/features/scenarios/handlers';
import { serviceHandlers as service } from '../../workers/db/features/service/handlers';
import type { PersistenceEngine } from '../../workers/db/persistence/engine';
import {
  closeScenarioWorkspace,
  openScenarioWorkspace,
  progress,
  scalar,
  scenarioText,
  value,
} from './scenarios-setup';

let engine: PersistenceEngine | null = null;
afterEach(() => {
  if (engine) closeScenarioWorkspace(engine);
  engine = null;
});

async function load(id: string): Promise<void> {
  engine = await openScenarioWorkspace(id);
  value(await scenariosHandlers.loadScenario(scenarioText(id), 'en'));
  expect(Object.values(await progress()).some(Boolean)).toBe(false);
}

/** Runs `task`, then expects exactly the exercises in `done` to be done so far. */
async function step(done: string[], task: () => Promise<unknown>): Promise<void> {
  await task();
  const now = await progress();
  expect(Object.keys(now).filter((id) => now[id])).toEqual(
    Object.keys(now).filter((id) => done.includes(id)),
  );
}

const WON = 5;
const LOST = 6;

describe('retail exercises', () => {
  it('log a call, merge the duplicates, resolve the complaint, take an order, restock', async () => {
    await load('retail');
    const done: string[] = [];

    // A note on the customer is not a call; a call on another customer is not hers.
    await step(done, () =>
      activities.logActivity({ type: 'note', subject: 'Asked about fryer', customerId: 1 }),
    );
    await step(done, () => activities.logActivity({ type: 'call', subject: 'Called', customerId: 2 }));
    done.push('log-call');
    await step(done, async () =>
      value(await activities.logActivity({ type: 'call', subject: 'Replacement on its way', customerId: 1 })),
    );

    done.push('merge-duplicates');
    await step(done, async () => value(await duplicates.mergeRecords('customer', 10, [11], {})));
    expect(await scalar(engine!, 'SELECT count(*) FROM orders WHERE customer_id = 10')).toBe(2);

    // Resolving without a score is not enough.
    await step(done, async () =>
      value(
        await records.updateRecord(
          'case',
          201,
          { status: 'resolved', resolution: 'Replaced the unit' },
          { partial: true },
        ),
      ),
    );
    done.push('resolve-complaint');
    await step(done, async () =>
      value(await records.updateRecord('case', 201, { csat: 4 }, { partial: true })),
    );

    done.push('new-order');
    await step(done, async () => {
      const saved = await orders.saveOrder({
        customerId: 2,
        orderDate: new Date().toISOString().slice(0, 10),
        status: 'confirmed',
        lines: [{ productId: 6, quantity: 2 }],
      });
      if (!saved.ok) throw new Error(saved.message);
    });

    done.push('restock');
    await step(done, async () =>
      value(await records.updateRecord('product', 8, { stock: 20 }, { partial: true })),
    );
  });
});

describe('b2b-sales exercises', () => {
  it('win three deals, convert the lead, lose a deal with a reason, renew a contract, book a meeting', async () => {
    await load('b2b-sales');
    const done: string[] = [];

    // Two wins, and a deal that was won already, are not three.
    await step(done, async () => {
      value(await pipeline.moveOpportunity(201, WON));
      value(await pipeline.moveOpportunity(208, WON));
    });
    done.push('win-three');
    await step(done, async () => value(await pipeline.moveOpportunity(202, WON)));

    done.push('convert-lead');
    await step(done, async () =>
      value(
        await pipeline.convertLead(1, {
          customer: 'new',
          createOpportunity: true,
          amountMinor: 12_000_000,
          stageId: 2,
        }),
      ),
    );

    done.push('lose-with-reason');
    await step(done, async () =>
      value(await pipeline.moveOpportunity(207, LOST, { reason: 'Budget frozen until next quarter' })),
    );

    // Marking the old contract renewed without a new one is half the job.
    await step(done, async () =>
      value(await records.updateRecord('contract', 301, { status: 'renewed' }, { partial: true })),
    );
    done.push('renew-contract');
    await step(done, async () => {
      const end = String(await scalar(engine!, 'SELECT end_date FROM contracts WHERE id = 301'));
      const next = new Date(Date.parse(end) + 365 * 86_400_000).toISOString().slice(0, 10);
      value(
        await records.createRecord('contract', {
          title: 'Antai · equipment-health platform, year 2',
          customerId: 5,
          status: 'active',
          startDate: end,
          endDate: next,
          amountMinor: 18_900_000,
        }),
      );
    });

    done.push('plan-meeting');
    await step(done, async () =>
      value(
        await activities.logActivity({
          type: 'meeting',
          subject: 'Press-shop review at the plant',
          customerId: 2,
          dueAt: new Date(Date.now() + 6 * 86_400_000).toISOString(),
        }),
      ),
    );
  });
});

describe('service exercises', () => {
  it('resolve the leak, link an article, escalate, publish, record a survey answer', async () => {
    await load('service');
    const done: string[] = [];

    done.push('resolve-overdue');
    await step(done, async () =>
      value(
        await records.updateRecord(
          'case',
          401,
          { status: 'resolved', resolution: 'Replaced the water heater', csat: 5 },
          { partial: true },
        ),
      ),
    );

    done.push('link-article');
    await step(done, async () => value(await service.linkArticle(402, 502)));

    // Urgent but still with the agent: not escalated to the manager yet.
    await step(done, async () =>
      value(await records.updateRecord('case', 405, { priority: 'urgent' }, { partial: true })),
    );
    done.push('escalate');
    await step(done, async () =>
      value(await records.updateRecord('case', 405, { ownerId: 1 }, { partial: true })),
    );

    done.push('publish-article');
    await step(done, async () =>
      value(await records.updateRecord('article', 505, { status: 'published' }, { partial: true })),
    );

    done.push('survey-answer');
    await step(done, async () =>
      value(
        await outreach.addSurveyResponse({
          surveyName: 'Service follow-up survey',
          customerId: 3,
          respondedAt: new Date().toISOString().slice(0, 10),
          csat: 4,
          nps: 8,
          quality: null,
          reliability: null,
          responsiveness: null,
          price: null,
        }),
      ),
    );
  });
});
