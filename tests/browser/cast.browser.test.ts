/**
 * A cast that matches the script (issue 18, item 3): the look follows the
 * customer's pronouns and `look:` (pure rules, in Node), and in the built app
 * the stage reports what it drew: a wheelchair user, an older customer, the
 * chat's messages, and a smile after a resolved ending whatever the mood number.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT, readCatalogue, readScenarioFile } from '../../src/cli/files.ts';
import { createSession } from '../../src/engine/index.ts';
import { expressionForEnding } from '../../src/game/art/expressionForMood.ts';
import { lookFor } from '../../src/game/art/lookFor.ts';
import { chatMessages, latestEmail } from '../../src/game/stage/stageMessages.ts';
import type { Scenario } from '../../src/scenario/index.ts';
import { launchBrowser, openPage, screenshot, waitForStage } from './support/browser.ts';
import { continueByKey, replyByKeyFor, waitForTurn } from './support/roleplay.ts';

function load(id: string): Scenario {
  const { catalogue } = readCatalogue(PROJECT_ROOT);
  const { scenario } = readScenarioFile(`scenarios/${id}.yaml`, catalogue, PROJECT_ROOT);
  if (scenario === null) throw new Error(`scenarios/${id}.yaml does not load`);
  return scenario;
}

/**
 * The route to a resolved ending with the lowest middling mood, 35–64 (the
 * library is being reworded, so the route is found, not written down): where
 * a mood-only face would frown or look blank while the customer says thank you.
 */
function middlingResolvedRoute(scenario: Scenario): { route: string[]; mood: number } {
  const session = createSession(scenario);
  let best: { route: string[]; mood: number } | null = null;
  const walk = (route: string[]): void => {
    const view = session.view();
    if (view.ending !== null) {
      const middling = view.mood >= 35 && view.mood < 65;
      if (view.ending.outcome === 'resolved' && middling && (best === null || view.mood < best.mood))
        best = { route: [...route], mood: view.mood };
      return;
    }
    if (route.length > 12) return;
    for (const choice of view.offered) {
      session.choose(choice.id);
      walk([...route, choice.id]);
      session.undo();
    }
  };
  walk([]);
  session.dispose();
  if (best === null) throw new Error(`${scenario.id} has no resolved ending on a middling mood`);
  return best;
}

describe('the look follows the script', () => {
  it('gives he/him customers no long hair, buns, ponytails or earrings by chance', () => {
    for (let i = 0; i < 200; i++) {
      const look = lookFor(`Customer ${i}`, undefined, { pronouns: 'he/him' });
      expect(['long', 'bob', 'bun', 'ponytail']).not.toContain(look.hair);
      expect(look.earrings).toBe(false);
      expect(look.headwear).not.toBe('hijab');
    }
    expect(lookFor('Mr Gareth Pryce').pronouns).toBe('he/him');
  });

  it('gives she/her customers no facial hair, and lets a name without a title stay open', () => {
    for (let i = 0; i < 200; i++) {
      expect(lookFor(`Customer ${i}`, undefined, { pronouns: 'she/her' }).facialHair).toBe('none');
    }
    expect(lookFor('Marcus Greene').pronouns).toBeUndefined();
    expect(lookFor('Marcus Greene', undefined, { pronouns: 'he/him' }).pronouns).toBe('he/him');
  });

  it('draws older customers grey or white, and never grey by chance for anyone else', () => {
    for (let i = 0; i < 100; i++) {
      expect([0x9a9590, 0xd9d6d0]).toContain(
        lookFor(`Customer ${i}`, undefined, { look: { age: 'older' } }).hairColour,
      );
      expect([0x9a9590, 0xd9d6d0]).not.toContain(lookFor(`Customer ${i}`).hairColour);
    }
  });

  it('pins every feature the file gives, over the name and the avatar words', () => {
    const look = lookFor('Mrs Example', 'bob-glasses', {
      look: {
        mobility: 'wheelchair',
        hair: 'locs',
        hairColour: 'auburn',
        skin: 6,
        glasses: 'none',
        top: 'hoodie',
      },
    });
    expect(look).toMatchObject({
      mobility: 'wheelchair',
      hair: 'locs',
      hairColour: 0x9c4a26,
      skin: 0x5b3a28,
      glasses: 'none',
      top: 'hoodie',
    });
  });

  it('keeps the last face within what the ending means', () => {
    expect(expressionForEnding('resolved', 40)).toBe('pleased');
    expect(expressionForEnding('resolved', 60)).toBe('pleased');
    expect(expressionForEnding('resolved', 10)).toBe('neutral');
    expect(expressionForEnding('resolved', 95)).toBe('delighted');
    expect(expressionForEnding('unresolved', 80)).toBe('upset');
    expect(expressionForEnding('lost', 60)).toBe('angry');
    expect(expressionForEnding('lost', 5)).toBe('furious');
    expect(expressionForEnding('escalated', 70)).toBe('pleased');
  });

  it("turns a chat into the customer's and the learner's messages, and an email into from, subject and body", () => {
    const chat = load('late-birthday-present');
    const session = createSession(chat);
    const first = session.view().offered[0];
    if (first === undefined) throw new Error('no reply offered');
    session.choose(first.id);
    const messages = chatMessages(session.view());
    expect(messages.map((m) => m.from)).toEqual(['customer', 'learner', 'customer']);
    expect(messages[1]?.text).toBe(first.say);
    session.dispose();

    const email = createSession(load('boiler-service-botched'));
    const opened = latestEmail(email.view());
    expect(opened.from).toBe('Mrs Siobhan Gallagher');
    expect(opened.subject).not.toMatch(/^subject:/i);
    expect(opened.subject.length).toBeGreaterThan(0);
    expect(opened.body.length).toBeGreaterThan(0);
    email.dispose();
  });
});

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the stage reports the cast it drew', () => {
  it('seats Mr Pryce in a wheelchair, and he smiles at a resolved ending whatever the mood', async () => {
    const scenario = load('hotel-accessible-room');
    const { route, mood } = middlingResolvedRoute(scenario);
    const { page, errors } = await openPage(browser, `${inject('appUrl')}?scenario=${scenario.id}&seed=3`);
    await waitForTurn(page);
    await waitForStage(page, 'roleplay');
    const look = (await page.getAttribute('#stage', 'data-look')) ?? '';
    expect(look).toContain('mobility:wheelchair');
    expect(look).toContain('pronouns:he/him');
    expect(look).not.toMatch(/hair:(long|bob|bun|ponytail)/);
    expect(look).toContain('earrings:false');
    await screenshot(page, 'cast-wheelchair');

    for (const id of route) await replyByKeyFor(page, id);
    await page.waitForSelector('button.continue');
    // The route ends on a middling mood (a mood-only face: upset or neutral): the face follows "resolved".
    expect(mood).toBeLessThan(65);
    expect(['pleased', 'delighted']).toContain(await page.getAttribute('#stage', 'data-expression'));
    await screenshot(page, 'cast-resolved-ending');
    await continueByKey(page);
    await waitForStage(page, 'debrief');
    expect(['pleased', 'delighted']).toContain(await page.getAttribute('#stage', 'data-expression'));
    expect(errors).toEqual([]);
  });

  it("draws Graham Pearce older, and writes the chat's messages into the window", async () => {
    const scenario = load('late-birthday-present');
    const { page, errors } = await openPage(browser, `${inject('appUrl')}?scenario=${scenario.id}&seed=3`);
    await waitForTurn(page);
    await waitForStage(page, 'roleplay');
    const look = (await page.getAttribute('#stage', 'data-look')) ?? '';
    expect(look).toContain('age:older');
    expect(look).toContain('pronouns:he/him');
    expect(await page.getAttribute('#stage', 'data-messages')).toBe('1');
    const first = scenario.nodes.get(scenario.start);
    const reply = first?.kind === 'choices' ? first.choices[0] : undefined;
    if (reply === undefined) throw new Error('no first reply');
    await replyByKeyFor(page, reply.id);
    await page.waitForSelector('#stage[data-messages="3"]', { state: 'attached' });
    await screenshot(page, 'cast-older-chat');
    expect(errors).toEqual([]);
  });
});
